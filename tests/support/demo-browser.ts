import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createFreshDatabase, findProjectRoot, type FreshDatabase } from '@concerto/server/testing';
import { launchChromium, seriousAccessibilityViolations } from './browser.js';
import { startServerProcess, type ServerProcess } from './server-process.js';

export const ARTIFACTS = join(findProjectRoot(), 'test-artifacts', 'e2e');
export const DEMO_SPACE = 'Concertation TETRIS — Pays de Grasse';

export interface DemoBrowser {
  /** The built server as a child process, on a fresh database seeded with the demo territory. */
  readonly server: ServerProcess;
  /** The suite's database (a test may look at or age its rows). */
  readonly databaseUrl: string;
  /**
   * A browser of its own (context) in French, signed in as nobody, with one blank page. The server's CSP is bypassed
   * (axe-core is injected) unless `enforceCsp`.
   */
  open(options?: { enforceCsp?: boolean; timezoneId?: string }): Promise<{ context: BrowserContext; page: Page }>;
  /** A browser of its own, signed in as a demo person, on "Mes espaces de concertation" (in `timezoneId`, if given). */
  signIn(email: string, options?: { timezoneId?: string }): Promise<{ context: BrowserContext; page: Page }>;
  /** Waits for the page to settle, checks it is in French and has no serious axe-core violation, saves a screenshot. */
  checkPage(page: Page, name: string): Promise<void>;
}

export interface DemoBrowserOptions {
  viewport?: { width: number; height: number };
  /** Screenshots of the whole page (default) or of the viewport. */
  fullPage?: boolean;
  /** Wait for the network to be idle before checking a page (default); live pages may keep polling. */
  waitForNetworkIdle?: boolean;
  /** More environment for the server (e.g. `WEB_DIST`: another copy of the built web app). */
  env?: Record<string, string>;
}

/** Registers the suite's set-up and tear-down (server, database, Chromium) and returns its helpers. */
export function useDemoBrowser(screenshotPrefix: string, options: DemoBrowserOptions = {}): DemoBrowser {
  let database: FreshDatabase;
  let server: ServerProcess;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    // A copy of the run's migrated template: the server finds its migrations done and only seeds.
    database = await createFreshDatabase(undefined, { migrated: true });
    server = await startServerProcess({ ...options.env, DATABASE_URL: database.url, SEED_DEMO: 'true' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
    await database?.drop();
  });

  async function open({ enforceCsp = false, timezoneId }: { enforceCsp?: boolean; timezoneId?: string } = {}): Promise<{
    context: BrowserContext;
    page: Page;
  }> {
    const context = await browser.newContext({
      bypassCSP: !enforceCsp,
      locale: 'fr-FR',
      ...(timezoneId ? { timezoneId } : {}),
      ...(options.viewport ? { viewport: options.viewport } : {}),
    });
    contexts.push(context);
    return { context, page: await context.newPage() };
  }

  return {
    get server() {
      return server;
    },
    get databaseUrl() {
      return database.url;
    },
    open,
    async signIn(email, { timezoneId } = {}) {
      const { context, page } = await open({ timezoneId });
      await page.goto(`${server.url}/connexion`);
      await page.getByLabel('Adresse e-mail').fill(email);
      await page.getByLabel('Mot de passe').fill('concerto-demo');
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.getByRole('heading', { level: 1, name: 'Mes espaces de concertation' }).waitFor();
      return { context, page };
    },
    async checkPage(page, name) {
      if (options.waitForNetworkIdle ?? true) await page.waitForLoadState('networkidle');
      expect(await page.getAttribute('html', 'lang')).toBe('fr');
      await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
      await page.screenshot({ path: join(ARTIFACTS, `${screenshotPrefix}-${name}.png`), fullPage: options.fullPage ?? true });
    },
  };
}
