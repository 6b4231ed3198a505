import pg from 'pg';
import { startSmtpCatcher, type SmtpCatcher } from '@concerto/server/testing';
import { DEMO_SPACE, useDemoBrowser } from '../support/demo-browser.js';
import { api } from '../support/page-api.js';

const PERSON = 'elu@demo.concerto.fr';
const SESSION = 'Séance de restitution du diagnostic';

/**
 * The digest in the browser: the built server, its schedule running, sends a daily digest over a real SMTP server on
 * loopback (smtp-server, parsed by mailparser); the link of what it tells, opened in a browser, asks the person to
 * sign in and then opens the session it names.
 */
describe('the digest mail in the browser (real SMTP server on loopback)', () => {
  let smtp: SmtpCatcher;
  const env: Record<string, string> = { MAIL_POLL_MS: '200', NOTIFICATION_SCHEDULE_MS: '500' };
  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    env.SMTP_URL = smtp.url;
  });
  afterAll(() => smtp?.close());
  // Registered after the SMTP server's start: the server process reads `env` when it starts.
  const demo = useDemoBrowser('digest-mail', { env });

  async function digestTo(address: string, timeoutMs = 20_000): Promise<SmtpCatcher['mails'][number]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = smtp.mails.find((m) => m.envelopeTo.includes(address) && /résumé/.test(m.parsed.subject ?? ''));
      if (found) return found;
      if (Date.now() > deadline)
        throw new Error(`No digest to ${address} within ${timeoutMs} ms (received: ${smtp.mails.map((m) => m.parsed.subject).join(' | ')})`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  it('groups what happened into a daily digest whose link opens the session in the browser', async () => {
    const { page: elu } = await demo.signIn(PERSON);
    await api(elu, 'PUT', '/api/notifications/preferences', { digest: 'daily' });
    const { page: animatrice } = await demo.signIn('animatrice@demo.concerto.fr');
    const spaces = await api<{ id: string; title: string }[]>(animatrice, 'GET', '/api/spaces');
    const spaceId = spaces.find((s) => s.title === DEMO_SPACE)!.id;
    // Three days ahead: scheduled (the digest's), not yet starting soon (a mail of its own).
    const session = await api<{ id: string }>(animatrice, 'POST', `/api/spaces/${spaceId}/sessions`, {
      title: SESSION,
      scheduledAt: new Date(Date.now() + 3 * 24 * 3600_000).toISOString(),
    });

    // A day goes by (aged in the database): the digest is due at the schedule's next tick.
    const db = new pg.Client({ connectionString: demo.databaseUrl });
    await db.connect();
    try {
      const aged = await db.query(
        `UPDATE notification SET created_at = now() - interval '2 days'
          WHERE account_id = (SELECT id FROM account WHERE email = $1) AND channel = 'digest' AND digested_at IS NULL`,
        [PERSON],
      );
      expect(aged.rowCount).toBeGreaterThan(0);
      await db.query(`UPDATE account SET digest_sent_at = NULL WHERE email = $1`, [PERSON]);
    } finally {
      await db.end();
    }

    // The demo's reminders (its late milestones…) mail the élu too: the digest is the mail that says « résumé ».
    const mail = await digestTo(PERSON);
    expect(mail.parsed.subject).toMatch(/^Votre résumé du jour : \d+ nouveautés?$/);
    const text = String(mail.parsed.text);
    expect(text).toContain(`La séance « ${SESSION} » est programmée`);
    const link = text.match(new RegExp(`https?://[^\\s]+/seances/${session.id}`))?.[0];
    expect(link).toBeDefined();
    expect(String(mail.parsed.html)).toContain(`href="${link}"`);

    // Opened from the mail client: a browser not signed in at the mail's address is asked to sign in, then lands there.
    const { page: reader } = await demo.open();
    await reader.goto(link!);
    await reader.getByLabel('Adresse e-mail').fill(PERSON);
    await reader.getByLabel('Mot de passe').fill('concerto-demo');
    await reader.getByRole('button', { name: 'Se connecter' }).click();
    await reader.getByRole('heading', { level: 1, name: SESSION }).waitFor();
    expect(new URL(reader.url()).pathname).toBe(`/seances/${session.id}`);
    await demo.checkPage(reader, '01-seance-depuis-le-resume');
  });
});
