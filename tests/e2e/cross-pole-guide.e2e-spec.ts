import JSZip from 'jszip';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { useDemoBrowser } from '../support/demo-browser.js';

const TETRIS = 'TETRIS : une agglomération qui provoque la rencontre';
const ECOPOLE = 'L’Écopôle alimentaire : un accompagnement financier inscrit dans le temps';
const RETAINED = 'Renforcer les aides à l’amorçage sur un temps long';

/**
 * The cross-pole guide in the browser: the demo's observatoire account (observateur of the five spaces) opens it from
 * the observatory, reads the validated testimonies of every space and the retained recommendations, leaves a space out
 * with its checkbox, and downloads the guide as Word; axe on the page.
 */
describe('the cross-pole guide in the browser (demo seed)', () => {
  const demo = useDemoBrowser('cross-pole-guide', { viewport: { width: 1400, height: 900 }, fullPage: false });

  async function download(page: Page, link: string): Promise<{ name: string; bytes: Buffer }> {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: link }).click()]);
    return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
  }

  it('assembles the guide of the spaces followed, narrows it and downloads it', async () => {
    const { page } = await demo.signIn('observatoire@demo.concerto.fr');
    await page.goto(`${demo.server.url}/observatoire`);
    await page.getByRole('link', { name: 'Assembler le guide inter-pôles de vos espaces' }).click();
    await page.getByRole('heading', { level: 1, name: 'Guide inter-pôles' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Guide d’appui inter-pôles' }).waitFor();
    const spaces = page.getByRole('group', { name: 'Espaces rassemblés' }).getByRole('checkbox');
    await expect(spaces.count()).resolves.toBe(5);
    for (const box of await spaces.all()) await expect(box.isChecked()).resolves.toBe(true);
    await page.getByRole('heading', { name: TETRIS }).waitFor();
    await page.getByRole('heading', { name: ECOPOLE }).waitFor();
    await page.getByRole('heading', { name: RETAINED }).waitFor();
    await demo.checkPage(page, '01-guide');

    // The TETRIS space left out: its testimony and recommendations go, the others stay.
    await page.getByRole('checkbox', { name: /TETRIS/ }).uncheck();
    await page.getByText('Guide assemblé à partir de 4 espaces.').waitFor();
    await expect(page.getByRole('heading', { name: TETRIS }).count()).resolves.toBe(0);
    await expect(page.getByRole('heading', { name: RETAINED }).count()).resolves.toBe(0);
    await page.getByRole('heading', { name: ECOPOLE }).waitFor();

    const docx = await download(page, 'Télécharger (Word)');
    expect(docx.name).toMatch(/^guide-inter-poles-\d{4}-\d{2}-\d{2}\.docx$/);
    const xml = await (await JSZip.loadAsync(docx.bytes)).file('word/document.xml')!.async('string');
    expect(xml).toContain('Écopôle alimentaire : un accompagnement financier');
    expect(xml).not.toContain('TETRIS : une agglomération');

    // None ticked: the guide asks for one.
    for (const box of await spaces.all()) await box.uncheck();
    await page.getByText('Cochez au moins un espace pour assembler le guide.').waitFor();
    await demo.checkPage(page, '02-aucun-espace');
    process.stdout.write('cross-pole guide assembled, narrowed and downloaded\n');
  });
});
