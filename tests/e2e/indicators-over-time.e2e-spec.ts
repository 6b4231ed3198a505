import type { Locator, Page } from 'playwright-core';
import { DEMO_SPACE as SPACE, useDemoBrowser } from '../support/demo-browser.js';

const PROJECT = 'Atelier vélo solidaire';

/**
 * The TETRIS animatrice (demo seed) records indicators on a new project: each indicator gets its chart over time (an
 * ECharts drawing, its measures as a table opened from the keyboard), the board's card shows the latest value, and the
 * observatory shows the indicators by year (total, median per pole) as charts with their tables, beside the
 * relations of collectivités per year as a chart. axe-core runs on the project page and the observatory.
 */
describe('indicators over time in the browser', () => {
  const demo = useDemoBrowser('indicators');

  /** Opens the chart's table with the keyboard (its disclosure is a `<summary>`). */
  async function openTable(page: Page, figure: Locator, label: string): Promise<void> {
    await figure.locator('.chart__drawing svg').first().waitFor();
    await figure.getByText(label, { exact: true }).focus();
    await page.keyboard.press('Enter');
  }

  async function addMeasure(page: Page, kind: string, measuredOn: string, value: string, name: string): Promise<void> {
    const form = page.getByRole('form', { name: 'Ajouter une mesure' });
    await form.getByLabel('Indicateur mesuré').selectOption(kind);
    await form.getByLabel('Date de la mesure').fill(measuredOn);
    await form.getByLabel('Valeur').fill(value);
    await form.getByRole('button', { name: 'Ajouter la mesure' }).click();
    await page.getByText(`Mesure « ${name} » ajoutée.`).waitFor();
  }

  it('records indicators, sees their charts and tables, the latest value on the card and the observatory by year', async () => {
    const { page } = await demo.signIn('animatrice@demo.concerto.fr');
    await page.getByRole('link', { name: SPACE }).first().click();
    await page.getByRole('heading', { level: 1, name: SPACE }).waitFor();
    await page.getByRole('navigation', { name: 'Rubriques de l’espace' }).getByRole('link', { name: 'Projets' }).click();
    await page.getByLabel('Titre du projet').fill(PROJECT);
    await page.getByLabel('Résumé').fill('Réparation et vente de vélos reconditionnés, avec des postes en insertion.');
    await page.getByRole('button', { name: 'Créer le projet' }).click();
    await page.waitForURL(/\/projets\/[0-9a-f-]{36}$/);

    // Measures typed the French way; 2021 is a year the demo's own indicators do not use.
    await addMeasure(page, 'jobs_created', '2021-06-30', '3', 'Emplois créés');
    await addMeasure(page, 'jobs_created', '2021-12-31', '5', 'Emplois créés');
    await addMeasure(page, 'fte', '2021-12-31', '1,75', 'Équivalents temps plein (ETP)');

    const jobs = page.getByRole('figure', { name: 'Emplois créés' });
    await openTable(page, jobs, 'Voir les mesures en tableau');
    const jobsTable = jobs.getByRole('table', { name: 'Emplois créés : mesures par date' });
    await jobsTable.getByRole('row', { name: /^30 juin 2021\s+3$/ }).waitFor();
    await jobsTable.getByRole('row', { name: /^31 décembre 2021\s+5$/ }).waitFor();
    const fte = page.getByRole('figure', { name: 'Équivalents temps plein (ETP)' });
    await openTable(page, fte, 'Voir les mesures en tableau');
    await fte.getByRole('row', { name: /^31 décembre 2021\s+1,75$/ }).waitFor();
    await demo.checkPage(page, '01-projet');

    // The board's card: the latest value of each indicator, with its date.
    await page.getByRole('link', { name: 'Retour aux projets' }).click();
    await page.getByRole('heading', { level: 2, name: 'Projets' }).waitFor();
    const card = page.getByRole('region', { name: /^Émergence \(\d+\)$/ }).getByRole('article', { name: PROJECT });
    await card.getByText('Emplois créés', { exact: true }).waitFor();
    await card.getByText(/^5\s+au 31 décembre 2021$/).waitFor();
    await card.getByText(/^1,75\s+au 31 décembre 2021$/).waitFor();

    // The observatory: the indicators by year over my scope, charts and tables.
    await page.goto(`${demo.server.url}/observatoire`);
    await page.getByRole('heading', { level: 2, name: 'Indicateurs des projets par année' }).waitFor();
    const jobsByYear = page.getByRole('figure', { name: 'Emplois créés : total par année' });
    await openTable(page, jobsByYear, 'Voir les chiffres en tableau');
    // 2021: total 5 (the latest measure of the year), median per pole 5, one pole, one project.
    await jobsByYear.getByRole('row', { name: /^2021\s+5\s+5\s+1\s+1$/ }).waitFor();
    const fteByYear = page.getByRole('figure', { name: 'Équivalents temps plein (ETP) : médiane par pôle par année' });
    await openTable(page, fteByYear, 'Voir les chiffres en tableau');
    await fteByYear.getByRole('row', { name: /^2021\s+1,75\s+1,75\s+1\s+1$/ }).waitFor();
    // Per pole: the animatrice's pole, with a line per pole and the table of years.
    const byPole = page.getByRole('group', { name: 'Par pôle' });
    await byPole.getByLabel('Indicateur').selectOption('jobs_created');
    await byPole.getByRole('figure', { name: 'Emplois créés par pôle et par année' }).locator('.chart__drawing svg').first().waitFor();
    await byPole
      .getByRole('row', { name: /^TETRIS\b/ })
      .getByRole('cell', { name: '5', exact: true })
      .waitFor();
    // The relations of collectivités over time: a chart as well as the table.
    await page.getByRole('figure', { name: 'Relations collectivité–pôle par année et par évolution' }).locator('.chart__drawing svg').first().waitFor();
    await page.getByRole('figure', { name: 'Montants mobilisés par niveau (k€)' }).locator('.chart__drawing svg').first().waitFor();
    await page.getByRole('link', { name: /^CSV\s+: Indicateurs par année$/ }).waitFor();
    await demo.checkPage(page, '02-observatoire');
    process.stdout.write('indicators charted on the project, on the card and in the observatory by year\n');
  });
});
