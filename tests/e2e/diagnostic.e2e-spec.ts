import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_SPACE as SPACE, useDemoBrowser } from '../support/demo-browser.js';
const SECTION = 'Territoire';
const OFFLINE_SECTION = 'Économie';

/**
 * The co-edited diagnostic of the TETRIS space (demo seed) in separate browsers: two contributeurs typing in
 * the same section at once, an observatrice who cannot type, an offline edit that survives a reload and merges
 * on reconnection, a comment whose highlight follows its passage, and a named version saved then restored.
 */
describe('co-edited diagnostic in the browser', () => {
  const demo = useDemoBrowser('diagnostic', { viewport: { width: 1400, height: 900 }, fullPage: false, waitForNetworkIdle: false });
  const checkPage = demo.checkPage;

  async function openDiagnostic(email: string): Promise<{ context: BrowserContext; page: Page }> {
    const { context, page } = await demo.signIn(email);
    await page.getByRole('link', { name: SPACE }).first().click();
    await page.getByRole('navigation', { name: 'Rubriques de l’espace' }).getByRole('link', { name: 'Diagnostic' }).click();
    await page.getByRole('heading', { level: 2, name: 'Diagnostic' }).waitFor();
    return { context, page };
  }

  const editor = (page: Page, title: string) => page.getByRole('textbox', { name: title, exact: true });
  const section = (page: Page, title: string) => page.getByRole('region', { name: title, exact: true });
  const status = (page: Page) => page.locator('.collab-status');

  /** Goes to a section from the table of contents: its editor is mounted once it is in view. */
  async function goTo(page: Page, title: string): Promise<void> {
    await page.getByRole('navigation', { name: 'Sommaire du diagnostic' }).getByRole('link', { name: title, exact: true }).click();
    await editor(page, title).waitFor();
  }

  /** The text of an editor without the other people's caret labels. */
  const textOf = (page: Page, title: string) =>
    editor(page, title).evaluate((element) => {
      const copy = element.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
      return copy.textContent ?? '';
    });

  /** Selects a passage of an editor (or puts the cursor just before it) through the DOM selection. */
  async function selectText(page: Page, title: string, needle: string, collapseToStart: boolean): Promise<void> {
    await editor(page, title).evaluate(
      (element, [text, collapse]) => {
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.textContent?.indexOf(text as string) ?? -1;
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, collapse ? at : at + (text as string).length);
          window.getSelection()?.removeAllRanges();
          window.getSelection()?.addRange(range);
          return;
        }
        throw new Error(`"${text as string}" not found`);
      },
      [needle, collapseToStart] as const,
    );
    await page.waitForTimeout(100); // ProseMirror reads the DOM selection on selectionchange
  }

  async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error('condition not met in time');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  it('merges concurrent typing, keeps observers read-only, survives an offline reload, anchors comments and restores versions', async () => {
    const karim = await openDiagnostic('contributeur@demo.concerto.fr');
    const jean = await openDiagnostic('elu@demo.concerto.fr');
    const elise = await openDiagnostic('observatrice@demo.concerto.fr');
    for (const { page } of [karim, jean, elise]) await goTo(page, SECTION);

    // Two contributeurs type in the same section at the same time: both see everything.
    await editor(karim.page, SECTION).click();
    await editor(jean.page, SECTION).click();
    await Promise.all([
      karim.page.keyboard.type('Le bassin grassois compte 72 000 habitants. ', { delay: 15 }),
      jean.page.keyboard.type('Trois intercommunalités sont engagées. ', { delay: 15 }),
    ]);
    for (const { page } of [karim, jean, elise]) {
      await waitUntil(async () => {
        const text = await textOf(page, SECTION);
        return text.includes('Le bassin grassois compte 72 000 habitants.') && text.includes('Trois intercommunalités sont engagées.');
      });
    }
    expect(await textOf(karim.page, SECTION)).toBe(await textOf(jean.page, SECTION));
    await status(karim.page).getByText('Enregistré', { exact: true }).waitFor({ timeout: 10_000 });
    // Everyone's caret carries their name; the list of people present shows the three of them.
    await karim.page.locator('.collaboration-carets__label', { hasText: 'Jean Moreau' }).waitFor();
    await elise.page.locator('.diagnostic-presence').getByText('Karim Benali').waitFor();
    await checkPage(karim.page, '01-contributeur');

    // The observatrice reads but cannot type, and has no formatting toolbar.
    await expect(editor(elise.page, SECTION).getAttribute('contenteditable')).resolves.toBe('false');
    await expect(section(elise.page, SECTION).getByRole('toolbar').count()).resolves.toBe(0);
    const before = await textOf(elise.page, SECTION);
    await editor(elise.page, SECTION).click();
    await elise.page.keyboard.type('intrusion');
    expect(await textOf(elise.page, SECTION)).toBe(before);
    await checkPage(elise.page, '02-observatrice');

    // A comment on a passage: its highlight follows the passage when Jean types right before it.
    const PASSAGE = '72 000 habitants';
    await editor(karim.page, SECTION).click();
    await selectText(karim.page, SECTION, PASSAGE, false);
    const karimSection = section(karim.page, SECTION);
    await karimSection.getByRole('button', { name: 'Commenter' }).click();
    await karimSection.getByRole('textbox', { name: 'Votre commentaire' }).fill('Source : Insee 2021 ?');
    await karimSection.getByRole('button', { name: 'Publier le commentaire' }).click();
    await karimSection.getByText('Source : Insee 2021 ?').waitFor();
    await jean.page.locator('.comment-highlight', { hasText: PASSAGE }).waitFor({ timeout: 10_000 });
    await editor(jean.page, SECTION).click();
    await selectText(jean.page, SECTION, PASSAGE, true);
    await jean.page.keyboard.type('environ ');
    await waitUntil(async () => (await textOf(karim.page, SECTION)).includes(`environ ${PASSAGE}`));
    await expect(karim.page.locator('.comment-highlight').allInnerTexts()).resolves.toEqual([PASSAGE]);
    await expect(jean.page.locator('.comment-highlight').allInnerTexts()).resolves.toEqual([PASSAGE]);
    await checkPage(karim.page, '03-commentaire');

    // Karim goes offline and edits: the status says so truthfully. The offline shell (service worker) keeps the
    // page, its code and its last data on the device: one reload online goes through it first.
    for (const { page } of [karim, jean, elise]) await goTo(page, OFFLINE_SECTION);
    await karim.page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await karim.page.reload();
    await goTo(karim.page, OFFLINE_SECTION);
    await status(karim.page).getByText('Enregistré', { exact: true }).waitFor({ timeout: 10_000 });
    await karim.context.setOffline(true);
    await status(karim.page).getByText('Hors ligne — vos modifications sont conservées sur cet appareil').waitFor();
    await editor(karim.page, OFFLINE_SECTION).click();
    await karim.page.keyboard.type('Écrit hors ligne par Karim. ');
    // The copy in IndexedDB is written asynchronously, one record per keystroke: leave it a moment, as a person
    // does not reload in the same instant as typing.
    await karim.page.waitForTimeout(1500);
    // Reload while still offline: the page comes from this device, the edit from its IndexedDB copy.
    const reloaded = await karim.page.reload();
    expect(reloaded?.fromServiceWorker()).toBe(true);
    // Really offline, the service worker included: the server cannot be reached.
    await expect(
      karim.page.evaluate(() =>
        fetch('/api/health').then(
          () => 'reached',
          () => 'unreachable',
        ),
      ),
    ).resolves.toBe('unreachable');
    await goTo(karim.page, OFFLINE_SECTION);
    await waitUntil(async () => (await textOf(karim.page, OFFLINE_SECTION)).includes('Écrit hors ligne par Karim.'));
    await status(karim.page).getByText('Hors ligne — vos modifications sont conservées sur cet appareil').waitFor();
    // Meanwhile Jean writes in the same section.
    await editor(jean.page, OFFLINE_SECTION).click();
    await jean.page.keyboard.type('Écrit en ligne par Jean. ');
    // Back online: everyone converges, nothing lost.
    await karim.context.setOffline(false);
    for (const { page } of [karim, jean, elise]) {
      await waitUntil(async () => {
        const text = await textOf(page, OFFLINE_SECTION);
        return text.includes('Écrit hors ligne par Karim.') && text.includes('Écrit en ligne par Jean.');
      }, 30_000);
    }
    await status(karim.page).getByText('Enregistré', { exact: true }).waitFor({ timeout: 10_000 });
    expect(await textOf(karim.page, OFFLINE_SECTION)).toBe(await textOf(jean.page, OFFLINE_SECTION));

    // A named version is saved, the text changes, then the version is restored for everyone.
    const saved = await textOf(jean.page, OFFLINE_SECTION);
    const versions = jean.page.locator('details.diagnostic-tools__versions');
    await versions.locator('summary').click();
    await versions.getByLabel('Nom de la version').fill('Version présentée au comité de pilotage');
    await versions.getByRole('button', { name: 'Enregistrer la version' }).click();
    await jean.page.getByText('Version « Version présentée au comité de pilotage » enregistrée.').waitFor();
    await goTo(jean.page, OFFLINE_SECTION);
    await editor(jean.page, OFFLINE_SECTION).click();
    await jean.page.keyboard.press('Control+End');
    await jean.page.keyboard.type('Phrase ajoutée après la version.');
    await status(jean.page).getByText('Enregistré', { exact: true }).waitFor({ timeout: 10_000 });
    await versions
      .getByRole('button', { name: /^Comparer avec aujourd’hui/ })
      .first()
      .click();
    await versions.locator('ins', { hasText: 'Phrase ajoutée après la version.' }).waitFor({ timeout: 10_000 });
    await checkPage(jean.page, '04-comparaison');
    jean.page.once('dialog', (dialog) => void dialog.accept());
    await versions
      .getByRole('button', { name: /^Restaurer/ })
      .first()
      .click();
    await jean.page.getByText('Version « Version présentée au comité de pilotage » restaurée.').waitFor({ timeout: 10_000 });
    for (const { page } of [jean, karim]) {
      await goTo(page, OFFLINE_SECTION);
      await waitUntil(async () => !(await textOf(page, OFFLINE_SECTION)).includes('Phrase ajoutée après la version.'), 15_000);
    }
    expect((await textOf(karim.page, OFFLINE_SECTION)).trim()).toBe(saved.trim());

    process.stdout.write('diagnostic: concurrent typing merged, observer read-only, offline reload kept and merged, comment anchored, version restored\n');
  });
});
