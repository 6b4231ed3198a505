import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DataSource } from 'typeorm';
import { ApiClient, addMember, buildSpace } from '../../testing/api-client.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { ENTITIES } from '../app.entities.js';
import { createApp } from '../app.factory.js';
import { loadConfig } from '../config/app-config.js';
import { openDatabase } from '../database/data-source.js';
import { MilestoneReminders } from '../projects/milestone-reminders.js';
import { SessionReminders } from '../sessions/session-reminders.js';

const HOUR = 3600_000;
/** The day in France `days` days from `now`, as a milestone's date. */
const dayInFrance = (now: Date, days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(now.getTime() + days * 24 * HOUR));

/**
 * The scheduled reminders: a session starting within 24 hours, a milestone due within 7 days or late. Ticked by hand,
 * twice, and from two application instances on one database at once: one notification per person and thing.
 */
describe('reminders (real PostgreSQL, two application instances)', () => {
  let t: TestApp;
  let second: NestExpressApplication;
  let secondSource: DataSource;
  let animateur: ApiClient;
  let contributeur: ApiClient;
  let observateur: ApiClient;
  let outsider: ApiClient;
  let spaceId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const config = loadConfig({
      ...process.env,
      PORT: '0',
      SEED_DEMO: 'false',
      WEB_DIST: 'tmp/no-web-app',
      LOG_LEVEL: 'error',
      LOG_PRETTY: 'false',
      DATABASE_URL: t.config.databaseUrl,
    });
    secondSource = await openDatabase(t.config.databaseUrl!, ENTITIES);
    second = await createApp(config, secondSource);
    [animateur, contributeur, observateur, outsider] = Array.from({ length: 4 }, () => new ApiClient(t.url));
    for (const client of [animateur, contributeur, observateur, outsider]) await client.signUp();
    spaceId = await buildSpace(animateur);
    await addMember(animateur, spaceId, contributeur, 'contributeur');
    await addMember(animateur, spaceId, observateur, 'observateur');
  });
  afterAll(async () => {
    await second.close();
    await secondSource.destroy().catch(() => undefined);
    await t.close();
  });

  const reminders = <T>(type: new (...args: never[]) => T) => [t.app.get(type), second.get(type)] as const;
  /** Ticks both instances at once, then each again: the schedule seen four times. */
  async function tickEverywhere(jobs: readonly { tick(now?: Date): Promise<boolean> }[], now: Date): Promise<void> {
    const ran = await Promise.all(jobs.map((job) => job.tick(now)));
    expect(ran).toContain(true);
    for (const job of jobs) await job.tick(now);
  }
  const notifications = (kind: string): Promise<{ account_id: string; link: string; params: Record<string, string> }[]> =>
    t.dataSource.query(`SELECT account_id, link, params FROM notification WHERE kind = $1 ORDER BY created_at`, [kind]);
  const idOf = (client: ApiClient) => client.account!.id;

  it('reminds a session starting within 24 hours once to everyone with a place, whatever the ticks; again when it moves', async () => {
    const now = new Date();
    const soon = await animateur.post(`/api/spaces/${spaceId}/sessions`, {
      title: 'Séance de demain',
      scheduledAt: new Date(now.getTime() + 10 * HOUR).toISOString(),
    });
    const later = await animateur.post(`/api/spaces/${spaceId}/sessions`, {
      title: 'Séance de la semaine prochaine',
      scheduledAt: new Date(now.getTime() + 72 * HOUR).toISOString(),
    });
    expect([soon.status, later.status]).toEqual([201, 201]);

    await tickEverywhere(reminders(SessionReminders), now);
    const rows = await notifications('session_starting_soon');
    // A reminder has no actor: the animatrice who scheduled it is reminded too; the outsider is not.
    expect(rows.map((r) => r.account_id).sort()).toEqual([idOf(animateur), idOf(contributeur), idOf(observateur)].sort());
    expect(rows.every((r) => r.link === `/seances/${soon.body.id}` && r.params.title === 'Séance de demain')).toBe(true);

    // Moved two hours later: a new date, a new reminder; the one of next week comes when its day is near.
    const moved = new Date(now.getTime() + 12 * HOUR).toISOString();
    expect((await animateur.patch(`/api/sessions/${soon.body.id}`, { scheduledAt: moved })).status).toBe(200);
    await tickEverywhere(reminders(SessionReminders), now);
    expect((await notifications('session_starting_soon')).filter((r) => r.account_id === idOf(contributeur))).toHaveLength(2);
    await tickEverywhere(reminders(SessionReminders), new Date(now.getTime() + 50 * HOUR));
    const all = await notifications('session_starting_soon');
    expect(all.filter((r) => r.link === `/seances/${later.body.id}`)).toHaveLength(3);
    expect(all.filter((r) => r.account_id === idOf(outsider))).toHaveLength(0);

    // By mail (the kind's default): one message per notification, though both processes ticked, each twice.
    const mails: { notifications: number; messages: number; referenced: number }[] = await t.dataSource.query(
      `SELECT count(DISTINCT n.id)::int AS notifications, count(m.id)::int AS messages, count(DISTINCT m.reference_id)::int AS referenced
         FROM notification n LEFT JOIN mail_message m ON m.reference_kind = 'notification' AND m.reference_id = n.id
        WHERE n.kind = 'session_starting_soon' AND n.channel = 'mail'`,
    );
    expect(mails[0].notifications).toBe(all.length);
    expect(mails[0]).toEqual({ notifications: all.length, messages: all.length, referenced: all.length });
  });

  it('reminds milestones due within 7 days and late ones once, to the member accounts of the partner organisations', async () => {
    const now = new Date();
    const carrier = (await animateur.post('/api/organisations', { kind: 'ess_network', name: 'Porteur (rappels)' })).body.id;
    // The animatrice created the organisation, which made it hers; the contributrice and the outsider join it.
    for (const client of [contributeur, outsider]) expect((await client.patch('/api/auth/me', { organisationId: carrier })).status).toBe(200);
    const carriers = [idOf(animateur), idOf(contributeur)].sort();
    const project = await animateur.post(`/api/spaces/${spaceId}/projects`, { title: 'Tiers-lieu', partners: [{ organisationId: carrier, role: 'carrier' }] });
    const base = `/api/spaces/${spaceId}/projects/${project.body.id}/milestones`;
    const milestone = async (title: string, days: number, done = false) => {
      const created = await animateur.post(base, { title, dueDate: dayInFrance(now, days) });
      expect(created.status).toBe(201);
      if (done) expect((await animateur.patch(`${base}/${created.body.id}`, { done: true })).status).toBe(200);
      return created.body.id as string;
    };
    const due = await milestone('Bail signé', 3);
    const late = await milestone('Étude de faisabilité', -2);
    await milestone('Ouverture', 20);
    await milestone('Premier comité', -5, true);

    await tickEverywhere(reminders(MilestoneReminders), now);
    const dueRows = await notifications('milestone_due');
    const lateRows = await notifications('milestone_late');
    expect(dueRows.map((r) => r.account_id).sort()).toEqual(carriers);
    expect(dueRows.every((r) => r.link === `/espaces/${spaceId}/projets/${project.body.id}#jalon-${due}`)).toBe(true);
    expect(dueRows[0].params).toMatchObject({ milestone: 'Bail signé', title: 'Tiers-lieu', dueDate: dayInFrance(now, 3) });
    expect(lateRows.map((r) => r.account_id).sort()).toEqual(carriers);
    expect(lateRows.every((r) => r.link === `/espaces/${spaceId}/projets/${project.body.id}#jalon-${late}`)).toBe(true);

    // Four days later the due one is late: told once more, as late; nothing else is repeated.
    await tickEverywhere(reminders(MilestoneReminders), new Date(now.getTime() + 4 * 24 * HOUR));
    expect(await notifications('milestone_due')).toHaveLength(2);
    const nowLate = (await notifications('milestone_late')).filter((r) => r.account_id === idOf(contributeur)).map((r) => r.link);
    expect(nowLate.sort()).toEqual(
      [`/espaces/${spaceId}/projets/${project.body.id}#jalon-${due}`, `/espaces/${spaceId}/projets/${project.body.id}#jalon-${late}`].sort(),
    );
    expect((await notifications('milestone_late')).filter((r) => r.account_id === idOf(outsider))).toHaveLength(0);
  });
});
