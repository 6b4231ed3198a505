import pg from 'pg';
import { startSmtpCatcher, type SmtpCatcher } from '@concerto/server/testing';
import { DEMO_SPACE, useDemoBrowser } from '../support/demo-browser.js';

const PERSON = 'contributeur@demo.concerto.fr';
const NEW_PASSWORD = 'un tout nouveau mot de passe';

/** The first link of a mail's plain text that leads to `path` (…/nouveau-mot-de-passe/…, …/invitations/…). */
function linkIn(text: string, path: string): string {
  const match = text.match(new RegExp(`https?://[^\\s]+/${path}/[A-Za-z0-9_-]{43}`));
  if (!match) throw new Error(`no ${path} link in:\n${text}`);
  return match[0];
}

/**
 * Mail in the browser, with the built server sending to a real SMTP server on loopback (smtp-server, parsed by
 * mailparser): password reset end to end (request, mail, link, new password, old sessions revoked, a used and an
 * expired link refused), and an invitation mail whose link leads to the invitation page.
 */
describe('mail in the browser (real SMTP server on loopback)', () => {
  let smtp: SmtpCatcher;
  const env: Record<string, string> = { MAIL_POLL_MS: '200' };
  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    env.SMTP_URL = smtp.url;
  });
  afterAll(() => smtp?.close());
  // Registered after the SMTP server's start: the server process reads `env` when it starts.
  const demo = useDemoBrowser('mail', { env });

  it('resets a forgotten password through the mailed link; other sessions are signed out; the link works once, and not once expired', async () => {
    const { page: elsewhere } = await demo.signIn(PERSON);

    const { page } = await demo.open();
    await page.goto(`${demo.server.url}/connexion`);
    await page.getByLabel('Adresse e-mail').fill(PERSON);
    await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
    await page.waitForURL(/\/mot-de-passe-oublie/);
    expect(await page.getByLabel('Adresse e-mail').inputValue()).toBe(PERSON);
    await page.getByRole('button', { name: 'Recevoir le lien' }).click();
    await page.getByText(`Si un compte existe pour ${PERSON}`).waitFor();
    await demo.checkPage(page, '01-mot-de-passe-oublie');

    const mail = await smtp.waitFor(PERSON);
    expect(mail.parsed.subject).toBe('Réinitialiser votre mot de passe Concerto');
    const link = linkIn(String(mail.parsed.text), 'nouveau-mot-de-passe');
    expect(String(mail.parsed.html)).toContain(`href="${link}"`);

    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'Nouveau mot de passe' }).waitFor();
    await page.getByLabel('Nouveau mot de passe').waitFor();
    await demo.checkPage(page, '02-nouveau-mot-de-passe');
    await page.getByLabel('Nouveau mot de passe').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await page.waitForURL(/\/connexion\?motDePasseChange=1/);
    await page.getByText('Votre mot de passe a été changé. Connectez-vous avec le nouveau.').waitFor();
    await page.getByLabel('Adresse e-mail').fill(PERSON);
    await page.getByLabel('Mot de passe', { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mes espaces de concertation' }).waitFor();

    // The session opened before the reset is gone.
    await elsewhere.reload();
    await elsewhere.waitForURL(/\/connexion/);

    // The same link a second time.
    const { page: again } = await demo.open();
    await again.goto(link);
    await again.getByRole('alert').getByText('Ce lien de réinitialisation a déjà servi. Demandez-en un nouveau si besoin.').waitFor();
    expect(await again.getByLabel('Nouveau mot de passe').count()).toBe(0);
    await demo.checkPage(again, '03-lien-deja-utilise');

    // A new link, aged past its validity.
    smtp.mails.length = 0;
    await again.getByRole('link', { name: 'Demander un nouveau lien' }).click();
    await again.getByLabel('Adresse e-mail').fill(PERSON);
    await again.getByRole('button', { name: 'Recevoir le lien' }).click();
    const expiring = linkIn(String((await smtp.waitFor(PERSON)).parsed.text), 'nouveau-mot-de-passe');
    const db = new pg.Client({ connectionString: demo.databaseUrl });
    await db.connect();
    try {
      const aged = await db.query(`UPDATE password_reset SET expires_at = now() - interval '1 minute' WHERE used_at IS NULL`);
      expect(aged.rowCount).toBe(1);
    } finally {
      await db.end();
    }
    await again.goto(expiring);
    await again.getByRole('alert').getByText('Ce lien de réinitialisation a expiré. Demandez-en un nouveau.').waitFor();
    await demo.checkPage(again, '04-lien-expire');
  });

  it('mails an invitation whose link, followed in the browser, opens the invitation page; the list says the mail was sent', async () => {
    const { page } = await demo.signIn('animatrice@demo.concerto.fr');
    await page.getByRole('link', { name: DEMO_SPACE }).first().click();
    await page.waitForURL(/\/espaces\/[0-9a-f-]{36}/);
    await page.getByRole('link', { name: 'Invitations' }).click();
    await page.getByLabel('Adresse e-mail de la personne invitée').fill('nadia.benali@example.fr');
    await page.getByLabel('Rôle').selectOption('observateur');
    await page.getByRole('button', { name: 'Inviter' }).click();
    const copied = await page.getByLabel("Lien d'invitation").first().inputValue();
    await page.getByText('Un e-mail d’invitation part vers nadia.benali@example.fr').waitFor();

    const mail = await smtp.waitFor('nadia.benali@example.fr');
    expect(mail.parsed.subject).toBe(`Camille Martin vous invite dans l’espace « ${DEMO_SPACE} » sur Concerto`);
    const link = linkIn(String(mail.parsed.text), 'invitations');
    expect(new URL(link).pathname).toBe(new URL(copied).pathname);
    const row = page.getByRole('row').filter({ hasText: 'nadia.benali@example.fr' });
    await row.getByText('Envoyé', { exact: true }).waitFor({ timeout: 15_000 });
    await demo.checkPage(page, '05-invitations-envoyee');

    const { page: invitee } = await demo.open();
    await invitee.goto(link);
    await invitee.getByRole('heading', { name: 'Invitation à rejoindre un espace de concertation' }).waitFor();
    await invitee.getByText(`Camille Martin vous invite à rejoindre l’espace « ${DEMO_SPACE} »`, { exact: false }).waitFor();
    await invitee.getByText('Invitation adressée à nadia.benali@example.fr.').waitFor();
    await demo.checkPage(invitee, '06-invitation-depuis-le-mail');
  });
});
