import { DEMO_SPACE, useDemoBrowser } from '../support/demo-browser.js';

/**
 * One person with the diagnostic open in two tabs is listed once among the people present, and the commented passages
 * are highlighted as soon as the text shows, without opening the comments (demo seed, built app).
 */
describe('presence across tabs and comment highlights by default', () => {
  const demo = useDemoBrowser('presence-tabs', { viewport: { width: 1400, height: 900 }, fullPage: false, waitForNetworkIdle: false });

  it('lists an account open in two tabs once, and highlights commented passages by default', async () => {
    const { context, page: first } = await demo.signIn('animatrice@demo.concerto.fr');
    await first.getByRole('link', { name: DEMO_SPACE }).first().click();
    await first.getByRole('navigation', { name: 'Rubriques de l’espace' }).getByRole('link', { name: 'Diagnostic' }).click();
    await first.getByRole('heading', { level: 2, name: 'Diagnostic' }).waitFor();
    const second = await context.newPage();
    await second.goto(first.url());
    await second.getByRole('heading', { level: 2, name: 'Diagnostic' }).waitFor();

    // A colleague joins, so the list is known to show other people.
    const { page: colleague } = await demo.signIn('contributeur@demo.concerto.fr');
    await colleague.goto(first.url());
    await colleague.getByRole('heading', { level: 2, name: 'Diagnostic' }).waitFor();

    for (const page of [first, second]) {
      const list = page.getByRole('list', { name: /personnes? sur le diagnostic/ });
      await page.getByRole('heading', { name: '2 personnes sur le diagnostic' }).waitFor({ timeout: 15_000 });
      const names = await list.getByRole('listitem').allInnerTexts();
      expect(names).toHaveLength(2);
      expect(names.filter((n) => n.includes('(vous)'))).toHaveLength(1);
    }

    // The open thread's passage is highlighted without opening the comments.
    const contents = first.getByRole('navigation', { name: 'Sommaire du diagnostic' });
    await contents.getByRole('link', { name: /^Levier 7 — / }).click();
    await first.locator('.comment-highlight', { hasText: 'conventions annuelles' }).waitFor({ timeout: 10_000 });
    await expect(
      first
        .getByRole('button', { name: /^Commentaires/ })
        .first()
        .getAttribute('aria-expanded'),
    ).resolves.toBe('false');
  });
});
