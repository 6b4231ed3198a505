import { DEMO_SPACE, useDemoBrowser } from '../support/demo-browser.js';

const LEVER_7 = /^Levier 7 — /;
const PAST_SESSION = 'Comité de concertation — priorités de l’année';

/**
 * The demo territory as a newcomer first opens it (demo seed, built app): the TETRIS diagnostic's seeded text in the
 * real editor with its assessment and a comment highlighted on its passage, and the minutes of the space's past
 * session with its votes and decisions.
 */
describe('the demo territory in the browser', () => {
  const demo = useDemoBrowser('demo-territory', { viewport: { width: 1400, height: 900 }, fullPage: false, waitForNetworkIdle: false });

  it('opens a diagnostic worked on for a year and the minutes of a past session', async () => {
    const { page } = await demo.signIn('animatrice@demo.concerto.fr');
    await page.getByRole('link', { name: DEMO_SPACE }).first().click();
    await page.getByRole('navigation', { name: 'Rubriques de l’espace' }).getByRole('link', { name: 'Diagnostic' }).click();
    await page.getByRole('heading', { level: 2, name: 'Diagnostic' }).waitFor();
    const contents = page.getByRole('navigation', { name: 'Sommaire du diagnostic' });
    // Statuses are spread over the sections.
    for (const status of ['Validé', 'En cours', 'À valider']) await contents.getByText(status, { exact: false }).first().waitFor();

    const link = contents.getByRole('link', { name: LEVER_7 });
    const title = (await link.textContent())!.trim();
    await link.click();
    const editor = page.getByRole('textbox', { name: title, exact: true });
    await editor.waitFor();
    await editor.getByText('Le poste de coordination du pôle est financé pour moitié', { exact: false }).waitFor();
    // The open thread is highlighted on the passage it was written about.
    await page.locator('.comment-highlight', { hasText: 'conventions annuelles' }).waitFor({ timeout: 10_000 });
    const section = page.getByRole('region', { name: title, exact: true });
    await expect(section.getByLabel('Statut').inputValue()).resolves.toBe('to_validate');
    await section.getByRole('button', { name: /^Commentaires/ }).click();
    await section.getByText('L’agglomération pourrait proposer une convention sur trois ans', { exact: false }).waitFor();
    await demo.checkPage(page, '01-diagnostic');

    await page.getByRole('navigation', { name: 'Rubriques de l’espace' }).getByRole('link', { name: 'Séances' }).click();
    await page.getByRole('link', { name: `Compte-rendu de « ${PAST_SESSION} »` }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(PAST_SESSION) }).waitFor();
    await page.getByText('Projets à prioriser cette année').first().waitFor();
    await page.getByText('Proposer au conseil communautaire une convention de coordination sur trois ans', { exact: false }).first().waitFor();
    await demo.checkPage(page, '02-compte-rendu');
  });
});
