import { DEMO_SPACE as SPACE, useDemoBrowser } from '../support/demo-browser.js';
import { api, publishedComment } from '../support/page-api.js';

const COMMENT = 'Karim, peux-tu vérifier les 23 communes ?';

/**
 * A notification leads to the exact place (demo seed): the animatrice mentions Karim in a diagnostic comment; Karim
 * follows the link of his notification and lands on the comment, its section's panel open, the comment focused; links
 * to a milestone and to an agenda item land on them too.
 */
describe('notification links in the browser', () => {
  const demo = useDemoBrowser('notification-links');

  it('lands on the comment, the milestone and the agenda item a link names', async () => {
    const [{ page: a }, { page: karim }] = await Promise.all(['animatrice', 'contributeur'].map((name) => demo.signIn(`${name}@demo.concerto.fr`)));
    const spaceId = (await api<{ id: string; title: string }[]>(a, 'GET', '/api/spaces')).find((s) => s.title === SPACE)!.id;
    const members = await api<{ accountId: string; email: string }[]>(a, 'GET', `/api/spaces/${spaceId}/members`);
    const karimId = members.find((m) => m.email === 'contributeur@demo.concerto.fr')!.accountId;
    // The animatrice comments a passage of « Territoire » (a real anchor), then replies naming Karim.
    await a.goto(`${demo.server.url}/espaces/${spaceId}/diagnostic`);
    await a.getByRole('navigation', { name: 'Sommaire du diagnostic' }).getByRole('link', { name: 'Territoire', exact: true }).click();
    const editor = a.getByRole('textbox', { name: 'Territoire', exact: true });
    await editor.waitFor();
    await editor.click();
    await a.keyboard.type('Vingt-trois communes et 72 000 habitants. ');
    await editor.getByText('Vingt-trois communes', { exact: false }).first().waitFor();
    await editor.evaluate((element, text) => {
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
    }, 'Vingt-trois communes');
    await a.waitForTimeout(100); // ProseMirror reads the DOM selection on selectionchange
    const territory = a.getByRole('region', { name: 'Territoire', exact: true });
    await territory.getByRole('button', { name: 'Commenter' }).click();
    await territory.getByRole('textbox', { name: 'Votre commentaire' }).fill('D’où vient ce chiffre ?');
    const thread = await publishedComment(a, () => territory.getByRole('button', { name: 'Publier le commentaire' }).click());
    await territory.getByText('D’où vient ce chiffre ?').waitFor();
    const comment = await api<{ id: string }>(a, 'POST', `/api/spaces/${spaceId}/diagnostic/comments`, {
      parentId: thread.id,
      body: COMMENT,
      mentions: [karimId],
    });

    // Karim's feed names the comment; its link opens the section's comments on that thread and focuses the comment.
    const feed = await api<{ items: { kind: string; link: string }[] }>(karim, 'GET', '/api/notifications');
    const mention = feed.items.find((n) => n.kind === 'comment_mention');
    expect(mention?.link).toBe(`/espaces/${spaceId}/diagnostic#commentaire-${comment.id}`);
    await karim.goto(`${demo.server.url}${mention!.link}`);
    await karim.waitForFunction((id) => document.activeElement?.id === id, `commentaire-${comment.id}`, { timeout: 15_000 });
    await karim.getByText(COMMENT).waitFor();
    await demo.checkPage(karim, '00-commentaire');

    // A milestone of one of the space's projects.
    const project = (await api<{ id: string }[]>(a, 'GET', `/api/spaces/${spaceId}/projects`))[0];
    const milestone = await api<{ id: string }>(a, 'POST', `/api/spaces/${spaceId}/projects/${project.id}/milestones`, {
      title: 'Comité de pilotage',
      dueDate: '2027-01-15',
    });
    await karim.goto(`${demo.server.url}/espaces/${spaceId}/projets/${project.id}#jalon-${milestone.id}`);
    await karim.waitForFunction((id) => document.activeElement?.id === id, `jalon-${milestone.id}`, { timeout: 15_000 });

    // An agenda item of a session.
    const session = await api<{ id: string; agenda: { id: string; title: string }[] }>(a, 'POST', `/api/spaces/${spaceId}/sessions`, {
      title: 'Séance de janvier',
      scheduledAt: '2027-01-20T09:00:00+01:00',
      agenda: [
        { title: 'Tour de table', durationMinutes: 10 },
        { title: 'Mobilité partagée', durationMinutes: 30 },
      ],
    });
    const item = session.agenda[1];
    await karim.goto(`${demo.server.url}/seances/${session.id}#point-${item.id}`);
    await karim.waitForFunction((id) => document.activeElement?.id === id, `point-${item.id}`, { timeout: 15_000 });
    await expect(karim.locator(`#point-${item.id}`).innerText()).resolves.toContain('Mobilité partagée');
  });
});
