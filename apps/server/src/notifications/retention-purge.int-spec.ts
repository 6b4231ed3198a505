import { ApiClient, addMember, buildSpace } from '../../testing/api-client.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { NotificationsService } from './notifications.service.js';
import { RetentionPurge } from './retention-purge.js';

/**
 * The hourly purge: mails sent more than MAIL_RETENTION_DAYS ago (set to 10 here; 30 by default) and notifications
 * read and made more than NOTIFICATION_RETENTION_DAYS ago (90 by default) are deleted; failed and waiting mails,
 * unread notifications, and read `milestone_late` ones (they keep their reminder from coming again) stay.
 */
describe('retention purge of the outbox and the feeds (real PostgreSQL)', () => {
  let t: TestApp;
  let animateur: ApiClient;
  let member: ApiClient;
  let spaceId: string;

  beforeAll(async () => {
    t = await startTestApp({ MAIL_RETENTION_DAYS: '10' });
    [animateur, member] = [new ApiClient(t.url), new ApiClient(t.url)];
    await animateur.signUp();
    await member.signUp();
    spaceId = await buildSpace(animateur);
    await addMember(animateur, spaceId, member, 'contributeur');
  });
  afterAll(() => t.close());

  it('reads its retention from the configuration, 30 and 90 days by default', () => {
    expect(t.config.retention).toEqual({ mailDays: 10, notificationDays: 90 });
  });

  it('deletes sent mails older than the retention, keeps recent, failed and waiting ones', async () => {
    const invite = async (email: string) =>
      expect((await animateur.post(`/api/spaces/${spaceId}/invitations`, { email, role: 'contributeur' })).status).toBe(201);
    const age = (email: string, status: string, days: number) =>
      t.dataSource.query(
        `UPDATE mail_message SET status = $2, created_at = now() - $3 * interval '1 day',
                sent_at = CASE WHEN $2 = 'sent' THEN now() - $3 * interval '1 day' END,
                failed_at = CASE WHEN $2 = 'failed' THEN now() - $3 * interval '1 day' END
          WHERE to_address = $1`,
        [email, status, days],
      );
    const cases: [string, string, number][] = [
      ['ancien-envoi@exemple.fr', 'sent', 11],
      ['envoi-recent@exemple.fr', 'sent', 9],
      ['echec-ancien@exemple.fr', 'failed', 40],
      ['en-attente@exemple.fr', 'pending', 40],
    ];
    for (const [email, status, days] of cases) {
      await invite(email);
      await age(email, status, days);
    }
    expect(await t.app.get(RetentionPurge).tick()).toBe(true);
    const left: { to_address: string }[] = await t.dataSource.query(
      `SELECT to_address FROM mail_message WHERE to_address = ANY($1::text[]) ORDER BY to_address`,
      [cases.map(([email]) => email)],
    );
    expect(left.map((r) => r.to_address)).toEqual(['echec-ancien@exemple.fr', 'en-attente@exemple.fr', 'envoi-recent@exemple.fr']);
    // The invitation whose mail failed still shows « non envoyée ».
    const invitations = (await animateur.get(`/api/spaces/${spaceId}/invitations`)).body as { email: string; mail: string | null }[];
    expect(invitations.find((i) => i.email === 'echec-ancien@exemple.fr')?.mail).toBe('failed');
  });

  it('deletes read notifications older than the retention; keeps unread ones, recent ones and read late milestones', async () => {
    const service = t.app.get(NotificationsService);
    const notify = (title: string, kind: 'comment_reply' | 'milestone_late' = 'comment_reply') =>
      service.notify({
        kind,
        spaceId,
        actorAccountId: animateur.account!.id,
        recipients: [member.account!.id],
        place: { kind: 'space' },
        link: `/espaces/${spaceId}`,
        params: { title },
      });
    const age = (title: string, days: number, read: boolean) =>
      t.dataSource.query(
        `UPDATE notification SET created_at = now() - $2 * interval '1 day', read_at = CASE WHEN $3 THEN now() - $2 * interval '1 day' END
          WHERE account_id = $1 AND params->>'title' = $4`,
        [member.account!.id, days, read, title],
      );
    const cases: [string, number, boolean, ('comment_reply' | 'milestone_late')?][] = [
      ['lue il y a longtemps', 91, true],
      ['lue récemment', 89, true],
      ['jamais lue', 400, false],
      ['jalon toujours en retard', 200, true, 'milestone_late'],
    ];
    for (const [title, days, read, kind] of cases) {
      expect(await notify(title, kind)).toBe(1);
      await age(title, days, read);
    }
    expect(await t.app.get(RetentionPurge).tick()).toBe(true);
    const left: { title: string }[] = await t.dataSource.query(
      `SELECT params->>'title' AS title FROM notification WHERE account_id = $1 AND params ? 'title' ORDER BY title`,
      [member.account!.id],
    );
    expect(left.map((r) => r.title)).toEqual(['jalon toujours en retard', 'jamais lue', 'lue récemment']);
  });
});
