import type { Page } from 'playwright-core';
import { DEMO_SPACE, useDemoBrowser } from '../support/demo-browser.js';

/** The scripts a page fetched, by their chunk's name (`assets/ui-strings-en-XXXX.js` → `ui-strings-en`). */
function recordScripts(page: Page): string[] {
  const names: string[] = [];
  page.on('request', (request) => {
    const match = /\/assets\/(.+)-[A-Za-z0-9_-]{8}\.js$/.exec(new URL(request.url()).pathname);
    if (match) names.push(match[1]);
  });
  return names;
}

/**
 * What the first page leaves out arrives when asked for, in real Chromium against the built app: the English strings
 * when English is chosen (and at the next visit, from the stored choice), socket.io once someone is signed in, the
 * other areas' French strings with a space's pages.
 */
describe('chunks loaded when needed', () => {
  const demo = useDemoBrowser('lazy-chunks');

  it('the sign-in page in French loads neither English nor socket.io; English comes as a chunk when chosen and stays', async () => {
    const { page } = await demo.open();
    const scripts = recordScripts(page);
    await page.goto(`${demo.server.url}/connexion`);
    await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(scripts.filter((name) => ['ui-strings-en', 'ui-strings-areas', 'socket', 'lib0', 'editor'].includes(name))).toEqual([]);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(scripts).toContain('ui-strings-en');
    expect(await page.getAttribute('html', 'lang')).toBe('en');

    // The next visit starts in the stored language: the chunk is fetched at start, French shown meanwhile at most.
    scripts.length = 0;
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(scripts).toContain('ui-strings-en');
    expect(scripts).not.toContain('socket');

    // Signed in: the /events socket's chunk, and its connection.
    const socketOpened = page.waitForEvent('websocket', (socket) => socket.url().includes('/socket.io/'));
    await page.getByLabel('E-mail address').fill('animatrice@demo.concerto.fr');
    await page.getByLabel('Password').fill('concerto-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'My concertation spaces' }).waitFor();
    await socketOpened;
    expect(scripts).toContain('socket');
    expect(scripts).not.toContain('editor');
    expect(scripts).not.toContain('ui-strings-areas');

    // A space's pages bring their areas' French strings (the fallback of every language) with them.
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mes espaces de concertation' }).waitFor();
    await page.getByRole('link', { name: DEMO_SPACE }).first().click();
    await page.getByRole('link', { name: 'Projets' }).click();
    await page.getByRole('heading', { level: 2, name: 'Projets' }).first().waitFor();
    expect(scripts).toContain('ui-strings-areas');
  });
});
