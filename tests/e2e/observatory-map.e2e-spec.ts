import { type ObservatoryMapView, regionName, departementName } from '@concerto/domain';
import type { Locator, Page } from 'playwright-core';
import { useDemoBrowser } from '../support/demo-browser.js';

/** The digits of a figure as shown ("1 554 571 €" → 1554571; "5" → 5). */
const digits = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));

/** The fills of the map's shapes, each once (territories, poles, legend). */
const fills = (map: Locator) =>
  map.locator('.chart__drawing svg path').evaluateAll((paths) => [...new Set(paths.map((p) => p.getAttribute('fill')).filter((f) => f && f !== 'none'))]);

/**
 * The observatory's map in real Chromium on the built app and server (demo seed: the observatoire account follows the
 * five poles — two in Provence-Alpes-Côte d'Azur, two in Occitanie, one in Hauts-de-France): drawn from the boundaries
 * shipped with the app (no request leaves the app's origin; they are in the service worker's precache), shaded by the
 * metric chosen, a click on a région filters the tables and opens its départements, and the table under the map shows
 * the same figures as the API, usable with the keyboard alone.
 */
describe('the observatory map in the browser (demo seed)', () => {
  const demo = useDemoBrowser('observatory-map', { viewport: { width: 1400, height: 1000 }, fullPage: false });

  async function mapFigures(page: Page, query: string): Promise<ObservatoryMapView> {
    const response = await page.request.get(`${demo.server.url}/api/observatory/map${query}`);
    expect(response.status()).toBe(200);
    return (await response.json()) as ObservatoryMapView;
  }
  async function fundingTotal(page: Page, query: string): Promise<number> {
    return ((await (await page.request.get(`${demo.server.url}/api/observatory/funding${query}`)).json()) as { total: { totalCents: number } }).total
      .totalCents;
  }
  const shownFundingTotal = async (page: Page) => digits(await page.locator('.observatory table tfoot tr').first().locator('td').first().textContent());
  /** Waits until the panorama counts `poles` poles. */
  const polesShown = (page: Page, poles: number) =>
    page
      .locator('.key-figures__item', { has: page.locator('dt', { hasText: /^Pôles$/ }) })
      .locator('dd', { hasText: new RegExp(`^${poles}$`) })
      .waitFor();

  /** Opens the figure's table with the keyboard (the disclosure under the map), unless it is open. */
  async function openTable(page: Page, figure: Locator): Promise<void> {
    if ((await figure.locator('details').getAttribute('open')) !== null) return;
    await figure.getByText('Voir les chiffres de la carte en tableau').focus();
    await page.keyboard.press('Enter');
    await figure.getByRole('table').waitFor();
  }

  /** Moves the mouse over the map until its tooltip names `name`, and clicks there (as a person aiming at it). */
  async function clickTerritory(page: Page, map: Locator, name: string): Promise<void> {
    const drawing = map.locator('.chart__drawing');
    const box = (await drawing.boundingBox())!;
    // ECharts' tooltip: a div of the drawing, shown while the pointer is over an item.
    const tooltipText = () =>
      drawing.evaluate((host) => {
        const shown = [...host.querySelectorAll('div')].filter((div) => {
          const style = getComputedStyle(div);
          return style.position === 'absolute' && style.display !== 'none' && style.visibility !== 'hidden' && style.opacity !== '0' && div.textContent;
        });
        return shown.map((div) => div.textContent ?? '').join(' | ');
      });
    for (let y = box.y + 10; y < box.y + box.height; y += 14) {
      for (let x = box.x + 10; x < box.x + box.width; x += 14) {
        await page.mouse.move(x, y);
        if ((await tooltipText()).startsWith(`${name} :`)) {
          await page.mouse.click(x, y);
          return;
        }
      }
    }
    throw new Error(`${name} not found on the map`);
  }

  it('draws France offline, switches its shading, filters the tables on a click, shows the same figures as a keyboard table, and « Réinitialiser » clears the territory', async () => {
    const { context, page } = await demo.signIn('observatoire@demo.concerto.fr');
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    // No tile server, no font or script from elsewhere: anything outside the app's origin is refused.
    await context.route(
      (url) => url.origin !== new URL(demo.server.url).origin,
      (route) => route.abort(),
    );

    await page.goto(`${demo.server.url}/observatoire`);
    const map = page.getByRole('figure', { name: 'Carte : Montants mobilisés par région' });
    await map.locator('.chart__drawing svg path').first().waitFor();
    // 18 régions drawn (metropolitan France and the five overseas insets), and the poles on them.
    expect(await map.locator('.chart__drawing svg path').count()).toBeGreaterThanOrEqual(18 + 5);
    expect(requests.filter((url) => new URL(url).origin !== new URL(demo.server.url).origin)).toEqual([]);
    const boundaries = requests.filter((url) => /\/assets\/france-regions-[\w-]+\.js$/.test(new URL(url).pathname));
    expect(boundaries).toHaveLength(1);
    // The same files are in the offline shell's precache.
    expect(await (await fetch(`${demo.server.url}/sw.js`)).text()).toContain(new URL(boundaries[0]).pathname.slice(1));
    await map.scrollIntoViewIfNeeded();
    await demo.checkPage(page, '01-regions');

    // The table under the map: the API's figures, région by région (opened with the keyboard).
    const all = await mapFigures(page, '');
    expect(all.territories.map((t) => t.code).sort()).toEqual(['32', '76', '93']);
    await openTable(page, map);
    const table = map.getByRole('table');
    for (const territory of all.territories) {
      const row = table.getByRole('row', { name: new RegExp(`^${regionName(territory.code)} `) });
      const cells = row.getByRole('cell');
      expect(digits(await cells.nth(0).textContent())).toBe(territory.poles);
      expect(digits(await cells.nth(1).textContent())).toBe(territory.mobilisedCents / 100);
    }

    // Shading by number of poles: Provence-Alpes-Côte d'Azur and Occitanie (two poles each) share a shade; by money they do not.
    const byMoney = await fills(map);
    await page.getByRole('group', { name: 'Teinte' }).getByLabel('Nombre de pôles').check();
    await page.getByRole('figure', { name: 'Carte : Nombre de pôles par région' }).waitFor();
    const byPoles = await fills(page.getByRole('figure', { name: 'Carte : Nombre de pôles par région' }));
    expect(byMoney.length - byPoles.length).toBe(1);
    await page.getByRole('group', { name: 'Teinte' }).getByLabel('Montants mobilisés').check();

    // A click on Occitanie on the map: every figure narrowed to it, and its départements drawn.
    const occitanie = await fundingTotal(page, '?region=76');
    await clickTerritory(page, page.getByRole('figure', { name: 'Carte : Montants mobilisés par région' }), 'Occitanie');
    await page.getByText('Chiffres filtrés sur : Occitanie.').waitFor();
    const departements = page.getByRole('figure', { name: 'Carte : Montants mobilisés par département' });
    await departements.locator('.chart__drawing svg path').first().waitFor();
    await polesShown(page, 2);
    expect(await shownFundingTotal(page)).toBe(Math.round(occitanie / 100_000));
    const inOccitanie = await mapFigures(page, '?mesh=departement&region=76');
    expect(inOccitanie.territories.map((d) => departementName(d.code))).toEqual(['Haute-Garonne', 'Tarn']);
    await openTable(page, departements);
    for (const d of inOccitanie.territories) {
      const cells = departements.getByRole('row', { name: new RegExp(`^${departementName(d.code)} `) }).getByRole('cell');
      expect(digits(await cells.nth(1).textContent())).toBe(d.mobilisedCents / 100);
    }
    await departements.scrollIntoViewIfNeeded();
    await demo.checkPage(page, '02-occitanie');

    // Keyboard only: back to the whole of France, then the table's button filters on Hauts-de-France.
    await page.getByRole('button', { name: 'Revenir à toute la France' }).focus();
    await page.keyboard.press('Enter');
    const regions = page.getByRole('figure', { name: 'Carte : Montants mobilisés par région' });
    await regions.locator('.chart__drawing svg path').first().waitFor();
    await openTable(page, regions);
    await regions.getByRole('button', { name: 'Filtrer sur Hauts-de-France' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Chiffres filtrés sur : Hauts-de-France.').waitFor();
    await polesShown(page, 1);
    expect(await shownFundingTotal(page)).toBe(Math.round((await fundingTotal(page, '?region=32')) / 100_000));

    // « Réinitialiser » forgets every filter, the territory chosen on the map included: all five poles again, France by région.
    await page.getByRole('button', { name: 'Réinitialiser', exact: true }).click();
    await polesShown(page, 5);
    await page.getByRole('figure', { name: 'Carte : Montants mobilisés par région' }).waitFor();
    expect(await page.getByText(/^Chiffres filtrés sur/).count()).toBe(0);
    expect(await shownFundingTotal(page)).toBe(Math.round((await fundingTotal(page, '')) / 100_000));
    process.stdout.write('observatory map drawn offline, shaded, clicked, read as a table and reset\n');
  });
});
