import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DataSource } from 'typeorm';
import { ApiClient, addMember, buildSpace } from '../../testing/api-client.js';
import { eventually } from '../../testing/collab-clients.js';
import { startSmtpCatcher, type SmtpCatcher } from '../../testing/smtp-catcher.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { ENTITIES } from '../app.entities.js';
import { createApp } from '../app.factory.js';
import { loadConfig } from '../config/app-config.js';
import { openDatabase } from '../database/data-source.js';
import type { NotificationEvent } from './notification-event.js';
import { NotificationDigestService } from './notification-digest.service.js';
import { NotificationsService } from './notifications.service.js';

const HOUR = 3600_000;
const HOSTILE = 'Séance <script>alert(1)</script> & « co »';

/**
 * The digest: per account, what waits in the « digest » channel, grouped per space, one mail (French or English),
 * made once even by two application instances at once; received by a real SMTP server on loopback.
 */
describe('the digest (real PostgreSQL, real SMTP on loopback, two application instances)', () => {
  let smtp: SmtpCatcher;
  let t: TestApp;
  let second: NestExpressApplication;
  let secondSource: DataSource;
  let animateur: ApiClient;
  let daily: ApiClient;
  let weekly: ApiClient;
  let removed: ApiClient;
  let alpha: string;
  let beta: string;

  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    const env = { SMTP_URL: smtp.url, MAIL_POLL_MS: '50', NOTIFICATION_SCHEDULE_MS: '0' };
    t = await startTestApp(env);
    const config = loadConfig({
      ...process.env,
      PORT: '0',
      SEED_DEMO: 'false',
      WEB_DIST: 'tmp/no-web-app',
      LOG_LEVEL: 'error',
      LOG_PRETTY: 'false',
      ...env,
      DATABASE_URL: t.config.databaseUrl,
    });
    secondSource = await openDatabase(t.config.databaseUrl!, ENTITIES);
    second = await createApp(config, secondSource);
    [animateur, daily, weekly, removed] = Array.from({ length: 4 }, () => new ApiClient(t.url));
    await animateur.signUp({ displayName: 'Anne Animatrice' });
    await daily.signUp({ displayName: 'Denise Quotidienne' });
    await weekly.signUp({ displayName: 'Walter Weekly' });
    await removed.signUp({ displayName: 'Rémi Parti' });
    expect((await daily.request('PUT', '/api/notifications/preferences', { digest: 'daily' })).status).toBe(200);
    expect((await removed.request('PUT', '/api/notifications/preferences', { digest: 'daily' })).status).toBe(200);
    expect((await weekly.patch('/api/auth/me', { locale: 'en' })).status).toBe(200);
    beta = await buildSpace(animateur, { title: 'Pôle Bêta', poleName: 'Bêta' });
    alpha = await buildSpace(animateur, { title: 'Pôle Alpha <b>', poleName: 'Alpha' });
    for (const space of [alpha, beta]) for (const member of [daily, weekly, removed]) await addMember(animateur, space, member, 'contributeur');
  });
  afterAll(async () => {
    await second.close();
    await secondSource.destroy().catch(() => undefined);
    await t.close();
    await smtp.close();
  });

  const digestMails = () =>
    t.dataSource.query(`SELECT to_address, subject, text_body FROM mail_message WHERE template = 'notification_digest' ORDER BY created_at`) as Promise<
      { to_address: string; subject: string; text_body: string }[]
    >;
  const pendingOf = async (client: ApiClient): Promise<number> =>
    (
      await t.dataSource.query(`SELECT count(*)::int AS n FROM notification WHERE account_id = $1 AND channel = 'digest' AND digested_at IS NULL`, [
        client.account!.id,
      ])
    )[0].n;
  const runEverywhere = (now: Date) => Promise.all([t.app.get(NotificationDigestService).run(now), second.get(NotificationDigestService).run(now)]);

  it('groups a day of each space into one mail per account, once, even from two processes; weekly ones wait a week', async () => {
    // Sessions scheduled in both spaces (a « digest » kind by default), one with a hostile title, a reply with an excerpt.
    const sessions: string[] = [];
    for (const [space, title] of [
      [beta, 'Séance du printemps'],
      [alpha, HOSTILE],
      [alpha, 'Séance d’automne'],
    ] as const) {
      const created = await animateur.post(`/api/spaces/${space}/sessions`, { title, scheduledAt: new Date(Date.now() + 30 * 24 * HOUR).toISOString() });
      expect(created.status).toBe(201);
      sessions.push(created.body.id);
    }
    const event: NotificationEvent = {
      kind: 'comment_reply',
      spaceId: beta,
      actorAccountId: animateur.account!.id,
      recipients: [daily.account!.id, weekly.account!.id],
      place: { kind: 'space' },
      link: `/espaces/${beta}/diagnostic#commentaire-x`,
      params: { excerpt: 'Réponse <img src=x onerror=alert(1)>' },
    };
    await t.app.get(NotificationsService).notify(event);
    expect(await pendingOf(daily)).toBe(4);
    // Removed from Alpha: what was about Alpha is not sent to him any more.
    expect((await animateur.delete(`/api/spaces/${alpha}/members/${removed.account!.id}`)).status).toBe(204);

    const now = new Date();
    expect(await runEverywhere(now)).toEqual([0, 0]); // nothing has waited a day yet
    const tomorrow = new Date(now.getTime() + 25 * HOUR);
    const [here, there] = await runEverywhere(tomorrow);
    expect(here + there).toBe(2); // the daily ones: Denise, and Rémi (about Bêta only)
    await runEverywhere(new Date(tomorrow.getTime() + HOUR));
    let mails = await digestMails();
    expect(mails.map((m) => m.to_address).sort()).toEqual([daily.account!.email, removed.account!.email].sort());
    expect(await pendingOf(daily)).toBe(0);
    expect(await pendingOf(weekly)).toBe(4);

    const denise = mails.find((m) => m.to_address === daily.account!.email)!;
    expect(denise.subject).toBe('Votre résumé du jour : 4 nouveautés');
    // Spaces in French order, each with its lines and the exact links.
    const text = denise.text_body;
    expect(text.indexOf('## Pôle Alpha <b>')).toBeGreaterThan(-1);
    expect(text.indexOf('## Pôle Alpha <b>')).toBeLessThan(text.indexOf('## Pôle Bêta'));
    for (const id of sessions) expect(text).toContain(`/seances/${id}`);
    expect(text).toContain(`/espaces/${beta}/diagnostic#commentaire-x`);
    const remi = mails.find((m) => m.to_address === removed.account!.email)!;
    expect(remi.text_body).not.toContain('Alpha');
    expect(remi.subject).toBe('Votre résumé du jour : 1 nouveauté');

    // The weekly one, in English, a week after the first thing waiting; nothing more for the others.
    await runEverywhere(new Date(now.getTime() + 7 * 24 * HOUR + HOUR));
    mails = await digestMails();
    expect(mails).toHaveLength(3);
    expect(mails[2]).toMatchObject({ to_address: weekly.account!.email, subject: 'Your weekly digest: 4 updates' });
  });

  it('arrives over SMTP: escaped HTML, plain text, links to the place, a one-click unsubscribe that turns the digest off', async () => {
    const isDigest = (m: SmtpCatcher['mails'][number]) => m.envelopeTo.includes(daily.account!.email) && /résumé/.test(m.parsed.subject ?? '');
    await eventually(() => smtp.mails.some(isDigest), 10_000, 'the digest over SMTP');
    const digests = smtp.mails.filter(isDigest);
    expect(digests).toHaveLength(1);
    const { parsed, raw } = digests[0];
    expect(parsed.subject).toBe('Votre résumé du jour : 4 nouveautés');
    const htmlBody = String(parsed.html);
    expect(htmlBody).not.toContain('<script>');
    expect(htmlBody).not.toContain('<img src=x');
    expect(htmlBody).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(htmlBody).toContain('Pôle Alpha &lt;b&gt;');
    expect(htmlBody).toContain(`${t.config.publicUrl}/espaces/${beta}/diagnostic#commentaire-x`);
    expect(parsed.text).toContain(HOSTILE);
    const headers = raw.slice(0, raw.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
    const unsubscribe = /^List-Unsubscribe: <(https?:\/\/[^>]+)>/im.exec(headers)![1];
    expect(headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/im);
    expect(htmlBody).toContain(unsubscribe);
    // Signed out, the link's POST (RFC 8058 one-click) turns exactly the digest off.
    const response = await fetch(unsubscribe.replace(t.config.publicUrl, t.url), { method: 'POST', body: 'List-Unsubscribe=One-Click' });
    expect(response.status).toBe(200);
    expect((await daily.get('/api/notifications/preferences')).body.digest).toBe('never');
    expect((await weekly.get('/api/notifications/preferences')).body.digest).toBe('weekly');
  });
});
