import type { Page } from 'playwright-core';
import { DEMO_SPACE as SPACE, useDemoBrowser } from '../support/demo-browser.js';
const PROJECT = 'Ressourcerie du Pays de Grasse';

/**
 * Two members of the TETRIS space (demo seed) work on its project board in separate browsers: what the
 * animatrice does (new project, stage moved from the card, funding line added) reaches the contributor's
 * board and observatory without reload. axe-core runs on the board, the project page and the observatory.
 */
describe('project board, funding and observatory in the browser', () => {
  const demo = useDemoBrowser('projects');
  const { signIn, checkPage } = demo;

  async function openBoard(page: Page): Promise<void> {
    await page.getByRole('link', { name: SPACE }).first().click();
    await page.getByRole('heading', { level: 1, name: SPACE }).waitFor();
    await page.getByRole('navigation', { name: 'Rubriques de l’espace' }).getByRole('link', { name: 'Projets' }).click();
    await page.getByRole('heading', { level: 2, name: 'Projets' }).waitFor();
  }

  async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error('condition not met in time');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  const column = (page: Page, stage: string) => page.getByRole('region', { name: new RegExp(`^${stage} \\(\\d+\\)$`) });
  const regionsRow = (page: Page) => page.getByRole('row', { name: /^Régions / });

  it('moves a project and adds funding; the other member sees the board and the observatory update live', async () => {
    const a = await signIn('animatrice@demo.concerto.fr');
    const b = await signIn('contributeur@demo.concerto.fr');
    await openBoard(a.page);
    await openBoard(b.page);
    const observatory = await b.context.newPage();
    await observatory.goto(`${demo.server.url}/observatoire`);
    await observatory.getByRole('heading', { level: 1, name: 'Observatoire' }).waitFor();
    await regionsRow(observatory).waitFor();
    const regionsBefore = await regionsRow(observatory).allInnerTexts();

    // A creates a project from the board: it appears in B's "Émergence" column.
    await a.page.getByLabel('Titre du projet').fill(PROJECT);
    await a.page.getByLabel('Résumé').fill('Collecte, réparation et réemploi des objets du quotidien.');
    await a.page.getByRole('button', { name: 'Créer le projet' }).click();
    await a.page.waitForURL(/\/projets\/[0-9a-f-]{36}$/);
    await column(b.page, 'Émergence').getByRole('link', { name: PROJECT }).waitFor({ timeout: 10_000 });

    // A moves it to "Développement" with the card's stage selector (keyboard-reachable select).
    await a.page.getByRole('link', { name: 'Retour aux projets' }).click();
    await column(a.page, 'Émergence').getByRole('link', { name: PROJECT }).waitFor();
    await checkPage(a.page, '01-tableau-animatrice');
    await a.page.getByLabel(`Étape du projet « ${PROJECT} »`).selectOption('development');
    await a.page.getByText(`« ${PROJECT} » est passé à l’étape Développement.`).waitFor();
    await column(a.page, 'Développement').getByRole('link', { name: PROJECT }).waitFor();
    await column(b.page, 'Développement').getByRole('link', { name: PROJECT }).waitFor({ timeout: 10_000 });
    await expect(column(b.page, 'Émergence').getByRole('link', { name: PROJECT }).count()).resolves.toBe(0);
    await checkPage(b.page, '02-tableau-contributeur');

    // A adds a secured funding line from the Région, typed the French way.
    await a.page.getByRole('link', { name: PROJECT }).click();
    await a.page.getByRole('heading', { level: 2, name: PROJECT }).waitFor();
    const fundingForm = a.page.getByRole('form', { name: 'Ajouter un financement' });
    await fundingForm.getByLabel('Financeur', { exact: true }).selectOption({ label: "Région Provence-Alpes-Côte d'Azur (Région)" });
    await expect(fundingForm.getByLabel('Niveau du financeur').inputValue()).resolves.toBe('region');
    await fundingForm.getByLabel('Montant (€)').fill('25 000');
    await fundingForm.getByLabel('Statut').selectOption('secured');
    await fundingForm.getByRole('button', { name: 'Ajouter le financement' }).click();
    await a.page.getByText(/Financement de Région Provence-Alpes-Côte d'Azur ajouté : 25\s000\s€\./).waitFor();
    await a.page.getByRole('rowheader', { name: "Région Provence-Alpes-Côte d'Azur" }).waitFor();
    await a.page.getByText('Enregistré', { exact: true }).waitFor({ timeout: 10_000 });
    await checkPage(a.page, '03-projet');

    // B's board shows the secured amount on the card, and B's observatory the new amount, without reload.
    const card = b.page.getByRole('article', { name: PROJECT });
    await card.getByText(/^25\s000\s€$/).waitFor({ timeout: 10_000 });
    await waitUntil(async () => JSON.stringify(await regionsRow(observatory).allInnerTexts()) !== JSON.stringify(regionsBefore));
    if (/^Régions\s+0\sk€\s+0\b/.test(regionsBefore.join(' '))) {
      await regionsRow(observatory)
        .getByRole('cell', { name: /^25\sk€$/ })
        .first()
        .waitFor();
    }
    await checkPage(observatory, '04-observatoire');

    await a.page.close();
    process.stdout.write(`board, project page and observatory checked; B's screens updated live\n`);
  });
});
