import type { Page } from 'playwright-core';
import { DEMO_SPACE, useDemoBrowser } from '../support/demo-browser.js';

const STORY = 'Récit de l’initiative';
const PASSAGE = 'travail de repérage';

/**
 * The demo's guide d'appui at first start, and comments on a testimony's story in separate browsers: the observatrice
 * of the TETRIS space comments a passage of the seeded testimony (observateurs comment testimonies), the contributeur
 * sees the highlight live and replies, then resolves the thread.
 */
describe('comments on a testimony’s story in the browser (demo seed)', () => {
  const demo = useDemoBrowser('testimony-comments', { viewport: { width: 1400, height: 900 }, fullPage: false, waitForNetworkIdle: false });

  /** Opens the TETRIS space's testimony from the guide's list, as a newcomer would. */
  async function openTestimony(email: string): Promise<Page> {
    const { page } = await demo.signIn(email);
    await page.getByRole('link', { name: DEMO_SPACE }).first().click();
    await page.getByRole('navigation', { name: 'Rubriques de l’espace' }).getByRole('link', { name: 'Guide d’appui' }).click();
    const spaceUrl = new URL(page.url()).pathname.replace(/\/guide.*$/, '');
    await page.goto(`${demo.server.url}${spaceUrl}/guide/temoignages`);
    await page.getByRole('link', { name: /TETRIS : une agglomération qui provoque la rencontre/ }).click();
    await page.getByRole('heading', { level: 2, name: /TETRIS : une agglomération/ }).waitFor();
    await editor(page).getByText(PASSAGE, { exact: false }).waitFor({ timeout: 10_000 });
    return page;
  }

  const editor = (page: Page) => page.getByRole('textbox', { name: STORY, exact: true });

  async function select(page: Page, needle: string): Promise<void> {
    await editor(page).evaluate((element, text) => {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(text) ?? -1;
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        window.getSelection()?.removeAllRanges();
        window.getSelection()?.addRange(range);
        return;
      }
      throw new Error(`"${text}" not found`);
    }, needle);
    await page.waitForTimeout(100); // ProseMirror reads the DOM selection on selectionchange
  }

  it('lets the observatrice comment the story, the contributeur see it live, reply and resolve', async () => {
    const elise = await openTestimony('observatrice@demo.concerto.fr');
    const karim = await openTestimony('contributeur@demo.concerto.fr');
    // The observatrice reads the story without editing it, but may comment.
    await expect(editor(elise).getAttribute('contenteditable')).resolves.toBe('false');
    await editor(elise).click();
    await select(elise, PASSAGE);
    await elise.getByRole('button', { name: 'Commenter le passage sélectionné' }).click();
    const panel = (page: Page) => page.getByRole('complementary', { name: `Commentaires de « ${STORY} »` });
    await panel(elise).getByText(PASSAGE).first().waitFor();
    await panel(elise).getByRole('textbox', { name: 'Votre commentaire' }).fill('Qui a mené ce repérage <script>alert(1)</script> ?');
    await panel(elise).getByRole('button', { name: 'Publier le commentaire' }).click();
    await panel(elise).getByText('Qui a mené ce repérage <script>alert(1)</script> ?').waitFor();
    await elise.locator('.comment-highlight', { hasText: PASSAGE }).waitFor({ timeout: 10_000 });
    await demo.checkPage(elise, '01-observatrice-commente');

    // The contributeur's page follows live: the highlight, then the thread in the panel.
    await karim.locator('.comment-highlight', { hasText: PASSAGE }).waitFor({ timeout: 10_000 });
    await karim.getByRole('button', { name: 'Commentaires (1 ouvert)' }).click();
    const thread = panel(karim).getByRole('article', { name: `Fil de commentaires sur « ${PASSAGE} »` });
    await thread.getByText('Qui a mené ce repérage <script>alert(1)</script> ?').waitFor();
    await thread.getByRole('button', { name: 'Répondre' }).click();
    await thread.getByRole('textbox', { name: 'Votre réponse' }).fill('Le service développement économique de l’agglomération.');
    await thread.getByRole('button', { name: 'Publier la réponse' }).click();
    await thread.getByText('Le service développement économique de l’agglomération.').waitFor();
    await demo.checkPage(karim, '02-contributeur-repond');
    expect(await karim.evaluate(() => document.querySelectorAll('.comments-panel script').length)).toBe(0);

    // The reply reaches the observatrice's page; the contributeur resolves the thread, the highlight goes.
    await panel(elise).getByText('Le service développement économique de l’agglomération.').waitFor({ timeout: 10_000 });
    await thread.getByRole('button', { name: 'Marquer comme résolu' }).click();
    await panel(karim).getByText('1 commentaire résolu').waitFor();
    await elise.locator('.comment-highlight').waitFor({ state: 'detached', timeout: 10_000 });
    process.stdout.write('testimony comments: observatrice commented the seeded story, contributeur saw it live, replied and resolved\n');
  });
});
