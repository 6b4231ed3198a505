import type { Page } from 'playwright-core';
import { DEMO_SPACE as SPACE, useDemoBrowser } from '../support/demo-browser.js';
import { api, publishedComment } from '../support/page-api.js';

const COMMENT = 'Karim, peux-tu relire le paragraphe sur les communes ?';

/** Selects `text` in a rich-text editor (ProseMirror reads the DOM selection). */
async function select(page: Page, editorName: string, text: string): Promise<void> {
  const editor = page.getByRole('textbox', { name: editorName, exact: true });
  await editor.evaluate((element, wanted) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
      return;
    }
    throw new Error(`"${wanted}" not found`);
  }, text);
  await page.waitForTimeout(100);
}

/**
 * The bell (demo seed): Karim watches his spaces list; the animatrice mentions him in a diagnostic comment; his bell's
 * count rises live through /events; he opens the notifications page (« Aujourd’hui »), follows the notification to the
 * exact comment, comes back and marks all read: the bell says none unread.
 */
describe('notifications bell and page in the browser', () => {
  const demo = useDemoBrowser('notifications');

  it('rises live, lists by day, leads to the comment and marks all read', async () => {
    const [{ page: a }, { page: karim }] = await Promise.all(['animatrice', 'contributeur'].map((name) => demo.signIn(`${name}@demo.concerto.fr`)));
    const spaceId = (await api<{ id: string; title: string }[]>(a, 'GET', '/api/spaces')).find((s) => s.title === SPACE)!.id;
    const members = await api<{ accountId: string; email: string }[]>(a, 'GET', `/api/spaces/${spaceId}/members`);
    const karimId = members.find((m) => m.email === 'contributeur@demo.concerto.fr')!.accountId;

    // Karim starts from a feed all read.
    await api(karim, 'POST', '/api/notifications/read', { all: true });
    await karim.reload();
    const bell = karim.getByRole('link', { name: /notifications?(,| non lue)/i });
    await karim.getByRole('link', { name: 'Notifications, aucune non lue' }).waitFor();

    // The animatrice opens a thread on a passage, then answers it naming Karim.
    await a.goto(`${demo.server.url}/espaces/${spaceId}/diagnostic`);
    await a.getByRole('navigation', { name: 'Sommaire du diagnostic' }).getByRole('link', { name: 'Territoire', exact: true }).click();
    const editor = a.getByRole('textbox', { name: 'Territoire', exact: true });
    await editor.waitFor();
    await editor.click();
    await a.keyboard.type('Vingt-trois communes et 72 000 habitants. ');
    await editor.getByText('Vingt-trois communes', { exact: false }).first().waitFor();
    await select(a, 'Territoire', 'Vingt-trois communes');
    const territory = a.getByRole('region', { name: 'Territoire', exact: true });
    await territory.getByRole('button', { name: 'Commenter' }).click();
    await territory.getByRole('textbox', { name: 'Votre commentaire' }).fill('Source du chiffre ?');
    const thread = await publishedComment(a, () => territory.getByRole('button', { name: 'Publier le commentaire' }).click());
    await territory.getByText('Source du chiffre ?').waitFor();
    const comment = await api<{ id: string }>(a, 'POST', `/api/spaces/${spaceId}/diagnostic/comments`, {
      parentId: thread.id,
      body: COMMENT,
      mentions: [karimId],
    });

    // Live: Karim's bell says it, without reloading.
    await karim.getByRole('link', { name: '1 notification non lue' }).waitFor({ timeout: 10_000 });
    expect(await bell.getAttribute('href')).toBe('/notifications');
    await demo.checkPage(karim, '00-cloche');

    // The page lists it under « Aujourd’hui », with a link to the exact comment.
    await bell.click();
    await karim.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    const today = karim.getByRole('region', { name: 'Aujourd’hui' });
    const link = today.getByRole('link', { name: /vous mentionne dans un commentaire/ });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(`/espaces/${spaceId}/diagnostic#commentaire-${comment.id}`);
    await demo.checkPage(karim, '01-page');
    await link.click();
    await karim.waitForFunction((id) => document.activeElement?.id === id, `commentaire-${comment.id}`, { timeout: 15_000 });
    await karim.getByText(COMMENT).waitFor();
    // Following it marked it read.
    await karim.getByRole('link', { name: 'Notifications, aucune non lue' }).waitFor();

    // Another one, marked read from the page with « Tout marquer comme lu », by keyboard.
    await api(a, 'POST', `/api/spaces/${spaceId}/diagnostic/comments`, { parentId: thread.id, body: 'Et les chiffres de 2024 ?', mentions: [karimId] });
    await karim.getByRole('link', { name: '1 notification non lue' }).waitFor({ timeout: 10_000 });
    await karim.goto(`${demo.server.url}/notifications`);
    const markAll = karim.getByRole('button', { name: 'Tout marquer comme lu' });
    await karim.getByRole('region', { name: 'Aujourd’hui' }).getByRole('button', { name: 'Marquer comme lue' }).waitFor();
    await markAll.focus();
    await karim.keyboard.press('Enter');
    await karim.getByRole('link', { name: 'Notifications, aucune non lue' }).waitFor();
    await karim.getByRole('button', { name: 'Marquer comme lue' }).waitFor({ state: 'detached' });
    expect(await karim.getByRole('button', { name: 'Tout marquer comme lu' }).isDisabled()).toBe(true);

    // Preferences: reachable from the profile; turning mentions off by e-mail is kept.
    await karim.goto(`${demo.server.url}/profil`);
    await karim.getByRole('link', { name: 'Préférences de notification' }).click();
    await karim.getByRole('heading', { level: 1, name: 'Préférences de notification' }).waitFor();
    await karim.getByRole('combobox', { name: 'Mention dans un commentaire : comment être prévenu·e' }).selectOption('in_app');
    await karim.getByRole('button', { name: 'Enregistrer' }).click();
    await karim.getByText('Préférences enregistrées.').waitFor();
    await demo.checkPage(karim, '02-preferences');
    const saved = await api<{ preferences: { kind: string; spaceId: string | null; channel: string }[] }>(karim, 'GET', '/api/notifications/preferences');
    expect(saved.preferences).toContainEqual({ kind: 'comment_mention', spaceId: null, channel: 'in_app' });
  });
});
