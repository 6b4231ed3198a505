import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { findProjectRoot } from '@concerto/server/testing';
import { useDemoBrowser } from '../support/demo-browser.js';

/** The built web app, copied: the update test deploys a new service worker into it while the server runs. */
const webDist = mkdtempSync(join(tmpdir(), 'concerto-web-'));
cpSync(join(findProjectRoot(), 'apps/web/dist'), webDist, { recursive: true });

/** Waits until the service worker is installed (every file precached) and controls the page. */
async function offlineShellReady(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
  });
}

/** The page's scripts fetched since the document loaded. */
const scriptsLoaded = (page: Page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => path.endsWith('.js')),
  );

/**
 * The offline shell in real Chromium against the built app and server: every built file is precached at install, so a
 * page whose code was never fetched opens offline; signing out forgets the account's data but not the code; a new
 * deployment is offered politely and reloaded into when the person asks.
 */
describe('offline shell: precache and update prompt', () => {
  const demo = useDemoBrowser('offline-precache', { env: { WEB_DIST: webDist } });
  afterAll(() => rmSync(webDist, { recursive: true, force: true }));

  it('serves the worker and the unhashed files uncached, and the worker runs under the content security policy', async () => {
    const response = await fetch(`${demo.server.url}/sw.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await response.text()).toContain('index.html');
    expect((await fetch(`${demo.server.url}/favicon.svg`)).headers.get('cache-control')).toBe('no-cache');
    expect((await fetch(`${demo.server.url}/connexion`)).headers.get('cache-control')).toBe('no-cache');

    // Under the policy itself (no bypass), the worker installs, takes control and nothing is refused.
    const { page } = await demo.open({ enforceCsp: true });
    await page.addInitScript(() => {
      const refused: string[] = [];
      Object.assign(window, { refused });
      document.addEventListener('securitypolicyviolation', (event) =>
        refused.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`),
      );
    });
    await page.goto(`${demo.server.url}/connexion`);
    await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
    await offlineShellReady(page);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(`${demo.server.url}/sw.js`);
    // (zod probes once whether eval is allowed, and catches the refusal: not the worker's business.)
    const refused = await page.evaluate(() => (window as unknown as { refused: string[] }).refused);
    expect(refused.filter((report) => !report.startsWith('script-src eval '))).toEqual([]);
  });

  it('opens offline a page whose code was never fetched, then forgets the account at sign-out but keeps the code', async () => {
    const { context, page } = await demo.signIn('animatrice@demo.concerto.fr');
    await offlineShellReady(page);
    // One reload online goes through the worker: it keeps the answers the page reads (who is signed in, the spaces).
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Mes espaces de concertation' }).waitFor();
    const scripts = await scriptsLoaded(page);
    expect(scripts.some((path) => path.includes('/assets/index-'))).toBe(true);
    expect(scripts.filter((path) => path.includes('observatory-page'))).toEqual([]);

    await context.setOffline(true);
    const fromWorker: string[] = [];
    page.on('response', (response) => {
      if (response.fromServiceWorker()) fromWorker.push(new URL(response.url()).pathname);
    });
    const opened = await page.goto(`${demo.server.url}/observatoire`);
    expect(opened?.fromServiceWorker()).toBe(true);
    await page.getByRole('heading', { level: 1, name: 'Observatoire' }).waitFor();
    expect(fromWorker.filter((path) => path.includes('/assets/observatory-page-'))).toHaveLength(1);
    // Really offline: what the page never read cannot be reached, and says so.
    await expect(
      page.evaluate(() =>
        fetch('/api/health').then(
          () => 'reached',
          () => 'unreachable',
        ),
      ),
    ).resolves.toBe('unreachable');
    await page.getByRole('alert').first().waitFor();
    await demo.checkPage(page, '01-observatoire-hors-ligne');

    // Back online, signing out forgets the answers kept for the account; the code stays, so the app still opens offline.
    await context.setOffline(false);
    await page.goto(`${demo.server.url}/`);
    await page.getByRole('heading', { level: 1, name: 'Mes espaces de concertation' }).waitFor();
    expect(await page.evaluate(() => caches.has('concerto-api'))).toBe(true);
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
    await page.waitForFunction(() => caches.has('concerto-api').then((kept) => !kept));
    const cacheNames = await page.evaluate(() => caches.keys());
    expect(cacheNames.filter((name) => name.startsWith('workbox-precache'))).toHaveLength(1);
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
    await context.setOffline(false);
  });

  it('offers a new deployment politely and reloads into it when asked', async () => {
    const { page } = await demo.open();
    await page.goto(`${demo.server.url}/connexion`);
    await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
    await offlineShellReady(page);
    const banner = page.getByRole('status').filter({ hasText: 'Une nouvelle version de Concerto est disponible.' });
    expect(await banner.count()).toBe(0);

    // A deployment: the worker's bytes change. The page's periodic check (here at once) finds it; it waits.
    appendFileSync(join(webDist, 'sw.js'), '\n// nouvelle version\n');
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((registration) => registration?.update()));
    await banner.waitFor();
    await demo.checkPage(page, '02-nouvelle-version');
    await page.evaluate(() => Object.assign(window, { beforeUpdate: true }));
    await banner.getByRole('button', { name: 'Recharger' }).click();

    // The new worker took over and the page reloaded into it: no banner, nothing waiting.
    await page.waitForFunction(() => !('beforeUpdate' in window));
    await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
    const state = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return { waiting: Boolean(registration?.waiting), controlled: Boolean(navigator.serviceWorker.controller) };
    });
    expect(state).toEqual({ waiting: false, controlled: true });
    expect(await banner.count()).toBe(0);
  });
});
