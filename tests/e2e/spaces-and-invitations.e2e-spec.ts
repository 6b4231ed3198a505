import { useDemoBrowser } from '../support/demo-browser.js';

/**
 * The animatrice of the demo territory creates a space and invites a person, who signs up through the link
 * and finds the space — in real Chromium against the built app, checked in French and with axe-core on every page.
 */
describe('spaces and invitations in the browser', () => {
  const demo = useDemoBrowser('invitations');

  it('signs in, creates a space, invites someone who signs up through the link and sees the space', async () => {
    const { page } = await demo.open();
    await page.goto(`${demo.server.url}/`);
    await page.waitForURL(/\/connexion/);
    await demo.checkPage(page, '01-connexion');

    // Keyboard only: type, Tab to the password, Enter submits.
    await page.getByLabel('Adresse e-mail').focus();
    await page.keyboard.type('animatrice@demo.concerto.fr');
    await page.keyboard.press('Tab');
    await page.keyboard.type('concerto-demo');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Mes espaces de concertation' }).waitFor();
    await expect(page.getByText('Concertation TETRIS — Pays de Grasse').first().isVisible()).resolves.toBe(true);
    await demo.checkPage(page, '02-espaces');

    await page.getByLabel("Titre de l'espace").fill('Diagnostic partagé — Vallée de la Roya');
    await page.getByLabel('Description').fill('Préfiguration d’un pôle autour de la filière bois.');
    await page.getByRole('radio', { name: 'Nouveau pôle' }).check();
    await page.getByLabel('Nom du pôle').fill('Pôle bois de la Roya');
    await page.getByLabel('Territoire').fill('Vallée de la Roya (Alpes-Maritimes)');
    await page.getByRole('button', { name: "Créer l'espace" }).click();
    await page.waitForURL(/\/espaces\/[0-9a-f-]{36}/);
    await page.getByRole('heading', { level: 1, name: 'Diagnostic partagé — Vallée de la Roya' }).waitFor();
    await demo.checkPage(page, '03-espace-profil');
    const spaceUrl = page.url();

    await page.getByRole('link', { name: 'Invitations' }).click();
    await page.getByLabel('Adresse e-mail de la personne invitée').fill('lea.roux@example.fr');
    await page.getByLabel('Rôle').selectOption('contributeur');
    await page.getByRole('button', { name: 'Inviter' }).click();
    const linkInput = page.getByLabel("Lien d'invitation").first();
    await linkInput.waitFor();
    const link = await linkInput.inputValue();
    expect(link).toMatch(/\/invitations\/[A-Za-z0-9_-]{43}$/);
    await demo.checkPage(page, '04-invitations');

    // Meanwhile the animatrice watches the members tab: the newcomer must appear without reload.
    await page.getByRole('link', { name: 'Membres' }).click();
    await demo.checkPage(page, '05-membres');

    const { page: invitee } = await demo.open();
    await invitee.goto(link);
    await invitee.getByText('Diagnostic partagé — Vallée de la Roya').first().waitFor();
    await demo.checkPage(invitee, '06-invitation');
    await invitee.getByRole('link', { name: 'Créer un compte' }).click();
    await invitee.waitForURL(/\/inscription/);
    expect(await invitee.getByLabel('Adresse e-mail').inputValue()).toBe('lea.roux@example.fr');
    await demo.checkPage(invitee, '07-inscription');
    await invitee.getByLabel('Nom affiché').fill('Léa Roux');
    await invitee.getByLabel('Mot de passe').fill('un mot de passe solide');
    await invitee.getByRole('button', { name: 'Créer mon compte' }).click();
    await invitee.waitForURL(/\/invitations\//);
    await invitee.getByRole('button', { name: "Rejoindre l'espace" }).click();
    await invitee.waitForURL(/\/espaces\/[0-9a-f-]{36}/);
    expect(invitee.url()).toBe(spaceUrl);
    await invitee.getByRole('heading', { level: 1, name: 'Diagnostic partagé — Vallée de la Roya' }).waitFor();
    await demo.checkPage(invitee, '08-espace-invitee');

    await page.getByRole('cell', { name: 'Léa Roux' }).waitFor({ timeout: 10_000 });
    await invitee.getByRole('link', { name: 'Concerto' }).first().click();
    await invitee.getByText('Diagnostic partagé — Vallée de la Roya').first().waitFor();
    await demo.checkPage(invitee, '09-espaces-invitee');
  });
});
