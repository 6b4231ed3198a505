import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DataSource } from 'typeorm';
import { ApiClient, buildSpace } from '../../testing/api-client.js';
import { startSmtpCatcher, type SmtpCatcher } from '../../testing/smtp-catcher.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { eventually } from '../../testing/collab-clients.js';
import { ENTITIES } from '../app.entities.js';
import { createApp } from '../app.factory.js';
import { loadConfig } from '../config/app-config.js';
import { openDatabase } from '../database/data-source.js';
import { html, mailLayout } from './mail-html.js';
import { defineMailTemplate } from './mail-template.js';
import { MailService } from './mail.service.js';

const FAST = { MAIL_POLL_MS: '100', MAIL_RETRY_BASE_MS: '50', MAIL_MAX_ATTEMPTS: '3' };
const HOSTILE_TITLE = 'Atelier <script>alert(1)</script> & « co »';

const tokenOf = (link: string) => link.split('/').pop() as string;

async function invitationMailStatus(animateur: ApiClient, spaceId: string, invitationId: string): Promise<string | null> {
  const list = await animateur.get(`/api/spaces/${spaceId}/invitations`);
  return (list.body as { id: string; mail: string | null }[]).find((i) => i.id === invitationId)?.mail ?? null;
}

async function mailRows(dataSource: DataSource): Promise<{ to_address: string; status: string; attempts: number; template: string }[]> {
  return dataSource.query(`SELECT to_address, status, attempts, template FROM mail_message ORDER BY created_at`);
}

describe('mail over a real SMTP server (loopback)', () => {
  let smtp: SmtpCatcher;
  let t: TestApp;
  let animateur: ApiClient;
  let spaceId: string;

  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    t = await startTestApp({ SMTP_URL: smtp.url, MAIL_FROM: 'Concerto <concerto@pole.example>', ...FAST });
    animateur = new ApiClient(t.url);
    await animateur.signUp({ displayName: 'Aïcha <b>Benali</b>' });
    spaceId = await buildSpace(animateur, { title: HOSTILE_TITLE, poleName: 'TETRIS' });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });
  afterEach(() => smtp.refuse(undefined));

  it('mails an invitation with its link, who invited, to which space and role; user text stays inert in HTML', async () => {
    const created = await animateur.post(`/api/spaces/${spaceId}/invitations`, { email: 'claire@exemple.fr', role: 'contributeur' });
    expect(created.status).toBe(201);
    const mail = await smtp.waitFor('claire@exemple.fr');
    const link = `${t.config.publicUrl}/invitations/${tokenOf(created.body.link)}`;
    expect(mail.parsed.from?.value).toEqual([{ name: 'Concerto', address: 'concerto@pole.example' }]);
    expect(mail.parsed.subject).toBe(`Aïcha <b>Benali</b> vous invite dans l’espace « ${HOSTILE_TITLE} » sur Concerto`);
    expect(mail.parsed.text).toContain(link);
    expect(mail.parsed.text).toContain('Contributeur·rice');
    expect(mail.parsed.text).toContain('pôle TETRIS');
    const body = String(mail.parsed.html);
    expect(body).toContain(`href="${link}"`);
    expect(body).toContain('Atelier &lt;script&gt;alert(1)&lt;/script&gt; &amp; « co »');
    expect(body).toContain('Aïcha &lt;b&gt;Benali&lt;/b&gt;');
    expect(body).not.toContain('<script>');
    expect(body).not.toContain('<b>Benali');
    expect(mail.parsed.headers.get('message-id')).toMatch(/@127\.0\.0\.1>$|@localhost>$/);
    await eventually(async () => (await invitationMailStatus(animateur, spaceId, created.body.id)) === 'sent', 5000, 'status sent');
  });

  it("writes in the invitee's language when they have an account, else in the inviter's", async () => {
    const english = new ApiClient(t.url);
    await english.post('/api/auth/sign-up', { email: 'john@example.org', password: 'un mot de passe solide', displayName: 'John', locale: 'en' });
    await animateur.post(`/api/spaces/${spaceId}/invitations`, { email: 'john@example.org', role: 'observateur' });
    const mail = await smtp.waitFor('john@example.org');
    expect(mail.parsed.subject).toContain('invites you to the space');
    expect(mail.parsed.text).toContain('as Observer');

    const englishInviter = new ApiClient(t.url);
    await englishInviter.post('/api/auth/sign-up', { email: 'mary@example.org', password: 'un mot de passe solide', displayName: 'Mary', locale: 'en' });
    const otherSpace = await buildSpace(englishInviter, { title: 'Food council', poleName: 'Pole B' });
    await englishInviter.post(`/api/spaces/${otherSpace}/invitations`, { email: 'nobody-yet@example.org', role: 'contributeur' });
    expect((await smtp.waitFor('nobody-yet@example.org')).parsed.subject).toBe('Mary invites you to the space “Food council” on Concerto');
  });

  it('queues nothing when the invitation is refused (its transaction rolls back)', async () => {
    await animateur.post(`/api/spaces/${spaceId}/invitations`, { email: 'twice@exemple.fr', role: 'contributeur' });
    const again = await animateur.post(`/api/spaces/${spaceId}/invitations`, { email: 'twice@exemple.fr', role: 'observateur' });
    expect(again.status).toBe(409);
    await smtp.waitFor('twice@exemple.fr');
    expect((await mailRows(t.dataSource)).filter((r) => r.to_address === 'twice@exemple.fr')).toHaveLength(1);
  });

  it('retries a refused mail with backoff, then shows it « non envoyée »; « Renvoyer » sends it', async () => {
    smtp.refuse(451);
    const refusedBefore = smtp.refused;
    const created = await animateur.post(`/api/spaces/${spaceId}/invitations`, { email: 'retry@exemple.fr', role: 'contributeur' });
    expect(await invitationMailStatus(animateur, spaceId, created.body.id)).toBe('pending');
    await eventually(async () => (await invitationMailStatus(animateur, spaceId, created.body.id)) === 'failed', 10_000, 'status failed');
    expect(smtp.refused - refusedBefore).toBe(3);
    const [row] = await t.dataSource.query(`SELECT attempts, last_error, failed_at FROM mail_message WHERE to_address = 'retry@exemple.fr'`);
    expect(row.attempts).toBe(3);
    expect(row.last_error).toContain('451');
    expect(row.failed_at).not.toBeNull();

    smtp.refuse(undefined);
    const resent = await animateur.post(`/api/spaces/${spaceId}/invitations/${created.body.id}/resend`);
    expect(resent.status).toBe(200);
    expect(resent.body.mail).toBe('pending');
    const mail = await smtp.waitFor('retry@exemple.fr');
    expect(mail.parsed.text).toContain(`/invitations/${tokenOf(created.body.link)}`);
    await eventually(async () => (await invitationMailStatus(animateur, spaceId, created.body.id)) === 'sent', 5000, 'status sent');
  });

  it('gives up at once on a permanent refusal (5xx)', async () => {
    smtp.refuse(550);
    const refusedBefore = smtp.refused;
    const created = await animateur.post(`/api/spaces/${spaceId}/invitations`, { email: 'unknown-box@exemple.fr', role: 'contributeur' });
    await eventually(async () => (await invitationMailStatus(animateur, spaceId, created.body.id)) === 'failed', 5000, 'status failed');
    expect(smtp.refused - refusedBefore).toBe(1);
  });

  it('refuses « Renvoyer » for an invitation that is not pending, or of another space, or from a non-animateur', async () => {
    const created = await animateur.post(`/api/spaces/${spaceId}/invitations`, { email: 'revoked@exemple.fr', role: 'contributeur' });
    await animateur.delete(`/api/spaces/${spaceId}/invitations/${created.body.id}`);
    expect((await animateur.post(`/api/spaces/${spaceId}/invitations/${created.body.id}/resend`)).status).toBe(404);
    expect((await animateur.post(`/api/spaces/${spaceId}/invitations/not-a-uuid/resend`)).status).toBe(400);
    const stranger = new ApiClient(t.url);
    await stranger.signUp();
    expect((await stranger.post(`/api/spaces/${spaceId}/invitations/${created.body.id}/resend`)).status).toBe(404);
  });

  it('keeps line breaks out of headers: a subject cannot smuggle a header in', async () => {
    const hostile = defineMailTemplate<{ name: string }>('test_hostile', (data, locale, ctx) =>
      mailLayout(locale, ctx, { subject: `Bonjour ${data.name}`, heading: 'Test', bodyHtml: html`<p>${data.name}</p>`, bodyText: data.name }),
    );
    const mail = t.app.get(MailService);
    await mail.enqueue({ to: 'victim@exemple.fr', locale: 'fr', template: hostile, data: { name: 'Eve\r\nBcc: spy@evil.example\r\n\r\nhello' } });
    await expect(mail.enqueue({ to: 'a@exemple.fr\r\nBcc: spy@evil.example', locale: 'fr', template: hostile, data: { name: 'x' } })).rejects.toThrow(
      /malformed recipient/,
    );
    const received = await smtp.waitFor('victim@exemple.fr');
    expect(received.envelopeTo).toEqual(['victim@exemple.fr']);
    expect(received.parsed.headers.has('bcc')).toBe(false);
    expect(received.parsed.subject).toBe('Bonjour Eve Bcc: spy@evil.example hello');
    expect(smtp.mails.some((m) => m.envelopeTo.includes('spy@evil.example'))).toBe(false);
  });

  it('sends each message once with two server processes on one database', async () => {
    const config = loadConfig({
      ...process.env,
      PORT: '0',
      SEED_DEMO: 'false',
      WEB_DIST: 'tmp/no-web-app',
      LOG_LEVEL: 'error',
      LOG_PRETTY: 'false',
      SMTP_URL: smtp.url,
      ...FAST,
      MAIL_POLL_MS: '20',
      DATABASE_URL: t.config.databaseUrl,
    });
    const secondSource = await openDatabase(t.config.databaseUrl!, ENTITIES);
    const second: NestExpressApplication = await createApp(config, secondSource);
    try {
      const addresses = Array.from({ length: 24 }, (_, i) => `pair${i}@exemple.fr`);
      const secondMail = second.get(MailService);
      const template = defineMailTemplate<{ n: number }>('test_pair', (data, locale, ctx) =>
        mailLayout(locale, ctx, { subject: `Message ${data.n}`, heading: 'Test', bodyHtml: html`<p>${data.n}</p>`, bodyText: String(data.n) }),
      );
      // Half queued through each process, all of them claimed by whichever worker comes first.
      await Promise.all(addresses.map((to, n) => (n % 2 ? secondMail : t.app.get(MailService)).enqueue({ to, locale: 'fr', template, data: { n } })));
      await Promise.all(addresses.map((to) => smtp.waitFor(to)));
      await new Promise((resolve) => setTimeout(resolve, 500));
      for (const to of addresses) expect(smtp.mails.filter((m) => m.envelopeTo.includes(to))).toHaveLength(1);
      const rows = (await mailRows(t.dataSource)).filter((r) => r.template === 'test_pair');
      expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
    } finally {
      await second.close();
      await secondSource.destroy().catch(() => undefined);
    }
  });
});

describe('mail without SMTP_URL: the outbox', () => {
  let t: TestApp;
  const logged: string[] = [];
  let spy: jest.SpiedFunction<Logger['log']>;

  beforeAll(async () => {
    spy = jest.spyOn(Logger.prototype, 'log').mockImplementation(function (this: Logger, message: unknown) {
      logged.push(String(message));
    });
    t = await startTestApp({ MAIL_POLL_MS: '100' });
  });
  afterAll(async () => {
    await t.close();
    spy.mockRestore();
  });

  it('keeps the invitation mail in the outbox, « en attente d’envoi », and logs its link in development', async () => {
    const animateur = new ApiClient(t.url);
    await animateur.signUp();
    const spaceId = await buildSpace(animateur);
    const created = await animateur.post(`/api/spaces/${spaceId}/invitations`, { email: 'outbox@exemple.fr', role: 'observateur' });
    expect(created.status).toBe(201);
    const link = `${t.config.publicUrl}${created.body.link}`;
    await eventually(() => logged.some((line) => line.includes('outbox@exemple.fr') && line.includes(link)), 5000, 'the link logged');
    const [row] = await t.dataSource.query(`SELECT status, attempts, text_body FROM mail_message WHERE to_address = 'outbox@exemple.fr'`);
    expect(row).toMatchObject({ status: 'pending', attempts: 0 });
    expect(row.text_body).toContain(link);
    expect(created.body.mail).toBe('pending');
    expect((await animateur.get(`/api/spaces/${spaceId}/invitations`)).body[0].mail).toBe('pending');

    // A server starting on this database logs the links of the mails still waiting.
    logged.length = 0;
    const config = loadConfig({
      PORT: '0',
      SEED_DEMO: 'false',
      WEB_DIST: 'tmp/no-web-app',
      LOG_LEVEL: 'error',
      LOG_PRETTY: 'false',
      MAIL_POLL_MS: '100',
      DATABASE_URL: t.config.databaseUrl,
    });
    const restartedSource = await openDatabase(t.config.databaseUrl!, ENTITIES);
    const restarted = await createApp(config, restartedSource);
    try {
      await eventually(() => logged.some((line) => line.includes('outbox@exemple.fr') && line.includes(link)), 5000, 'the waiting link logged at start');
    } finally {
      await restarted.close();
      await restartedSource.destroy().catch(() => undefined);
    }
  });
});
