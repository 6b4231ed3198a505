import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_SPACE as SPACE, useDemoBrowser } from '../support/demo-browser.js';

/**
 * « Le guide » of the TETRIS space (demo seed) in separate browsers: the animatrice inserts a live reference that
 * shows the funding table read now, a contributeur sees it appear in her own editor, the observatrice reads without
 * writing; a version is frozen and read with its date; the guide is published, its public link read signed out,
 * then withdrawn. axe-core runs on the document, the insert dialog, a frozen version and the public page.
 */
describe('the guide d’appui’s document in the browser', () => {
  const demo = useDemoBrowser('guide-document', { viewport: { width: 1400, height: 900 }, fullPage: false, waitForNetworkIdle: false });

  async function openGuide(email: string): Promise<{ context: BrowserContext; page: Page }> {
    const { context, page } = await demo.signIn(email);
    await page.getByRole('link', { name: SPACE }).first().click();
    await page.getByRole('navigation', { name: 'Rubriques de l’espace' }).getByRole('link', { name: 'Guide d’appui' }).click();
    await page.getByRole('link', { name: 'Le guide', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Le guide' }).waitFor();
    await page.getByRole('navigation', { name: 'Sommaire du guide' }).waitFor();
    return { context, page };
  }

  const editor = (page: Page, title: string) => page.getByRole('textbox', { name: title, exact: true });
  const reference = (page: Page, label: RegExp) => page.getByRole('group', { name: label });

  it('inserts a live reference that others see with its values, freezes, publishes and withdraws the guide', async () => {
    const animatrice = await openGuide('animatrice@demo.concerto.fr');
    const contributeur = await openGuide('contributeur@demo.concerto.fr');
    const page = animatrice.page;

    // The skeleton's references show their values, read now.
    const poles = reference(page, /Le territoire et le pôle/).first();
    await poles.getByText(/^Référence vivante — lue le /).waitFor();
    await demo.checkPage(page, 'document');

    // Insert the funding table for 2019–2025 at the end of the introduction.
    await editor(page, 'Introduction').click();
    await page.keyboard.press('Control+End');
    await page
      .getByRole('toolbar', { name: /Introduction/ })
      .getByRole('button', { name: 'Insérer une référence vivante' })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Insérer une référence vivante' });
    await dialog.getByLabel('Contenu à montrer').selectOption('funding_table');
    await dialog.getByLabel('De l’année').fill('2025');
    await dialog.getByLabel('À l’année').fill('2019');
    await dialog.getByRole('button', { name: 'Insérer la référence' }).click();
    await dialog.getByText('L’année de fin précède l’année de début.').waitFor();
    await demo.checkPage(page, 'insert-dialog');
    await dialog.getByLabel('De l’année').fill('2019');
    await dialog.getByLabel('À l’année').fill('2025');
    await dialog.getByRole('button', { name: 'Insérer la référence' }).click();
    const funding = reference(page, /Tableau des financements, de 2019 à 2025/);
    await funding.getByRole('table', { name: /Financements mobilisés par niveau de collectivité, de 2019 à 2025/ }).waitFor();
    await funding.getByText(/^Référence vivante — lue le /).waitFor();

    // The contributeur sees it in her editor, values included; the remove button is hers too.
    const seen = reference(contributeur.page, /Tableau des financements, de 2019 à 2025/);
    await seen.getByRole('table').waitFor({ timeout: 15000 });
    expect(await seen.getByRole('button', { name: /Retirer la référence/ }).count()).toBe(1);

    // The observatrice reads: no toolbar, no remove button, no publication control.
    const observatrice = await openGuide('observatrice@demo.concerto.fr');
    await reference(observatrice.page, /Tableau des financements, de 2019 à 2025/)
      .getByRole('table')
      .waitFor({ timeout: 15000 });
    expect(await observatrice.page.getByRole('button', { name: /Retirer la référence|Insérer une référence vivante|Publier/ }).count()).toBe(0);

    // Freeze a version and read it, with its date.
    await page.getByText('Versions du guide').click();
    await page.getByLabel('Nom de la version').fill('Version du comité');
    await page.getByRole('button', { name: 'Figer une version' }).click();
    await page.getByText('Version « Version du comité » figée.').waitFor();
    await page.getByRole('button', { name: 'Consulter « Version du comité »' }).click();
    const frozen = page.getByRole('region', { name: 'Version « Version du comité »' });
    await frozen.getByText(/^Valeurs figées le /).waitFor();
    await frozen.getByRole('table', { name: /de 2019 à 2025/ }).waitFor();
    await demo.checkPage(page, 'version');

    // Publish (after the confirmation), read the public page signed out, then withdraw it.
    page.once('dialog', (question) => void question.accept());
    await page.getByRole('button', { name: 'Publier' }).click();
    const link = page.getByLabel('Lien public');
    await link.waitFor();
    const url = await link.inputValue();
    expect(url).toMatch(/\/guide-public\/[^/]+$/);
    const visitor = await demo.open();
    const response = await visitor.page.goto(url);
    expect(response?.status()).toBe(200);
    await visitor.page.getByRole('heading', { level: 1 }).waitFor();
    expect(await visitor.page.getByRole('table', { name: /de 2019 à 2025/ }).count()).toBeGreaterThan(0);

    page.once('dialog', (question) => void question.accept());
    await page.getByRole('button', { name: 'Retirer la publication' }).click();
    await page.getByText('Le guide n’est pas publié.').waitFor();
    expect((await visitor.page.goto(url))?.status()).toBeGreaterThanOrEqual(400);
  });
});
