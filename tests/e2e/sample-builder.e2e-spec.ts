import type { Page } from 'playwright-core';
import { useDemoBrowser } from '../support/demo-browser.js';
import { api } from '../support/page-api.js';

interface Panorama {
  totals: { poles: number; mobilisedCents: number };
}
interface Funding {
  total: { totalCents: number; projectCount: number; medianCents: number | null };
}

/** The figure of the panorama named `term` (« Pôles », « Montants mobilisés »…), as shown. */
const figure = (page: Page, term: string) =>
  page
    .locator('.key-figures__item', { has: page.locator('dt', { hasText: new RegExp(`^${term}$`) }) })
    .locator('dd')
    .innerText();

/** Waits until the figure named `term` shows `value`. */
const figureShown = (page: Page, term: string, value: string) =>
  page
    .locator('.key-figures__item', { has: page.locator('dt', { hasText: new RegExp(`^${term}$`) }) })
    .locator('dd', { hasText: new RegExp(`^${value}$`) })
    .waitFor();

/** The matrix row of a value under a field (values such as « Formation » appear under two fields). */
const matrixRow = (page: Page, field: string, value: string) =>
  page
    .locator('tbody', { has: page.getByRole('rowheader', { name: field, exact: false }) })
    .locator('tr', { has: page.getByRole('rowheader', { name: value, exact: true }) });

/**
 * The sample builder in the browser, on the demo territory: the observatoire account (observateur of the five
 * spaces) picks TETRIS, sees the values it leaves uncovered marked as gaps, accepts the first suggestion (Ôkhra),
 * saves the selection, and opens the observatory filtered by it: the figures are those of the two poles exactly.
 */
describe('the sample builder in the browser (demo seed)', () => {
  const demo = useDemoBrowser('sample-builder', { viewport: { width: 1400, height: 900 } });

  it('picks poles, shows the gaps, accepts a suggestion, saves the selection and filters the observatory with it', async () => {
    const { page } = await demo.signIn('observatoire@demo.concerto.fr');
    await page.goto(`${demo.server.url}/observatoire`);
    await page.getByRole('link', { name: 'Constituer un échantillon de pôles (critères d’échantillonnage)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Constituer un échantillon' }).waitFor();

    // Pick TETRIS through the search.
    await page.getByRole('searchbox', { name: 'Rechercher un pôle' }).fill('TETRIS');
    await page.getByRole('region', { name: 'Choisir des pôles' }).getByRole('button', { name: 'Ajouter « TETRIS » à la sélection' }).click();
    await page.getByRole('table', { name: 'Couverture de la grille par 1 pôle(s)' }).waitFor();

    // Gaps are said in words in the row, beside the counts; covered values say so too.
    const rural = matrixRow(page, 'Implantation', 'Rurale');
    await expect(rural.getAttribute('data-gap')).resolves.toBe('true');
    await expect(rural.getByRole('cell').last().innerText()).resolves.toContain('Lacune : aucun pôle');
    await expect(matrixRow(page, 'Implantation', 'Péri-urbaine').getByRole('cell').last().innerText()).resolves.toContain('Couvert');
    // No pole of the account's spaces is État-funded in the profile: a gap nobody can fill.
    await expect(matrixRow(page, 'Types de collectivités impliquées', 'État').getByRole('cell').last().innerText()).resolves.toContain(
      'Lacune : aucun pôle de vos espaces',
    );

    // The suggestions: Ôkhra fills the most gaps, then Les Ateliers what is left.
    const suggestions = page.getByRole('region', { name: 'Pôles qui combleraient les lacunes' });
    await suggestions.getByRole('button', { name: 'Ajouter à la sélection : Ôkhra' }).waitFor();
    await expect(suggestions.getByRole('listitem').allInnerTexts()).resolves.toEqual([
      expect.stringContaining('Ôkhra'),
      expect.stringContaining('Les Ateliers'),
    ]);
    await demo.checkPage(page, '01-lacunes');

    await suggestions.getByRole('button', { name: 'Ajouter à la sélection : Ôkhra' }).click();
    await page.getByRole('table', { name: 'Couverture de la grille par 2 pôle(s)' }).waitFor();
    await expect(matrixRow(page, 'Implantation', 'Rurale').getAttribute('data-gap')).resolves.toBeNull();
    await expect(matrixRow(page, "Périmètre d'intervention", 'Pays / Parc').getAttribute('data-gap')).resolves.toBeNull();
    await expect(suggestions.getByRole('listitem').allInnerTexts()).resolves.toEqual([expect.stringContaining('Les Ateliers')]);

    // Save it under a name.
    await page.getByLabel('Nom de la sélection').fill('Échantillon diversité');
    await page.getByRole('button', { name: 'Enregistrer la sélection' }).click();
    await page.getByText('Sélection « Échantillon diversité » enregistrée.').waitFor();
    const selectionId = new URL(page.url()).searchParams.get('selection')!;
    expect(selectionId).toMatch(/^[0-9a-f-]{36}$/);
    await demo.checkPage(page, '02-enregistree');

    // The observatory filtered by the selection: the figures of TETRIS and Ôkhra, exactly.
    const unfiltered = await api<Panorama>(page, 'GET', '/api/observatory/panorama');
    await page.getByRole('link', { name: 'Voir l’observatoire pour cette sélection' }).click();
    await page.getByRole('heading', { level: 1, name: 'Observatoire' }).waitFor();
    await expect(page.getByLabel('Sélection de pôles').inputValue()).resolves.toBe(selectionId);
    await page.waitForLoadState('networkidle');
    await expect(figure(page, 'Pôles')).resolves.toBe('2');
    const spaces = await api<{ id: string; title: string }[]>(page, 'GET', '/api/spaces');
    const twoSpaces = spaces.filter((s) => /TETRIS|Ôkhra/.test(s.title)).map((s) => s.id);
    expect(twoSpaces).toHaveLength(2);
    const bySelection = await api<Funding>(page, 'GET', `/api/observatory/funding?selectionId=${selectionId}`);
    const bySpaces = await api<Funding>(page, 'GET', `/api/observatory/funding?spaceIds=${twoSpaces.join(',')}`);
    expect(bySelection.total).toEqual(bySpaces.total);
    const panorama = await api<Panorama>(page, 'GET', `/api/observatory/panorama?selectionId=${selectionId}`);
    expect(panorama.totals.poles).toBe(2);
    expect(panorama.totals.mobilisedCents).toBeLessThan(unfiltered.totals.mobilisedCents);
    await demo.checkPage(page, '03-observatoire-filtre');

    // Back to all poles with the form, then the selection chosen in the form's list.
    await page.getByLabel('Sélection de pôles').selectOption('');
    await page.getByRole('button', { name: 'Appliquer les filtres' }).click();
    await figureShown(page, 'Pôles', String(unfiltered.totals.poles));
    await page.getByLabel('Sélection de pôles').selectOption({ label: 'Échantillon diversité' });
    await page.getByRole('button', { name: 'Appliquer les filtres' }).click();
    await figureShown(page, 'Pôles', '2');
    process.stdout.write('sample built, saved and used as an observatory filter\n');
  });
});
