import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { findProjectRoot } from '@concerto/server/testing';
import { DEMO_SPACE, useDemoBrowser } from '../support/demo-browser.js';

const ROOT = findProjectRoot();
const WEB = join(ROOT, 'apps', 'web', 'src');
const SEED = join(ROOT, 'apps', 'server', 'src', 'seed');

/** Every quoted string of a catalogue file (single quotes, the house style). */
const stringsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/'((?:[^'\\\n]|\\.)*)'/g)].map((m) => m[1].replace(/\\'/g, "'"));
const catalogueFiles = (prefix: 'fr' | 'en') => [
  ...readdirSync(join(WEB, 'features')).flatMap((area) =>
    readdirSync(join(WEB, 'features', area))
      .filter((f) => f.startsWith(`${prefix}-`) && f.endsWith('.ts'))
      .map((f) => join(WEB, 'features', area, f)),
  ),
  join(WEB, 'i18n', `${prefix}.ts`),
];

/**
 * The French interface strings that an English page must not show: those of the French catalogues with no identical
 * English string, longer than 3 characters, and not found in the demo seed (user content written in French).
 */
const SEED_TEXT = readdirSync(SEED)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => readFileSync(join(SEED, f), 'utf8'))
  .join('\n');

function frenchCatalogue(): RegExp[] {
  const english = new Set(catalogueFiles('en').flatMap(stringsOf));
  const seed = SEED_TEXT;
  const french = new Set(catalogueFiles('fr').flatMap(stringsOf));
  const patterns: RegExp[] = [];
  for (const text of french) {
    const literal = text.replace(/\{\{[^}]+\}\}/g, '').trim();
    if (literal.length <= 3 || english.has(text) || seed.includes(text)) continue;
    // Not a sentence of the interface: a path, an identifier, a CSS class, a format.
    if (/^[\w./:#@-]+$/.test(text) && !/[À-ÿ]/.test(text)) continue;
    const parts = text.split(/\{\{[^}]+\}\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    patterns.push(new RegExp(`^${parts.join('.+?')}$`));
  }
  return patterns;
}

/** The visible text nodes of the page, trimmed. */
const visibleTexts = (page: Page) =>
  page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const parent = node.parentElement;
      if (!text || !parent || parent.closest('script, style, template, [aria-hidden="true"], .ProseMirror')) continue;
      if (parent.getClientRects().length === 0) continue;
      out.push(text);
    }
    return out;
  });

/**
 * Every page of the app in English, on the demo territory: no visible text node may be one of the French interface's
 * strings (user content from the seed aside).
 */
describe('the English interface shows no French string', () => {
  const demo = useDemoBrowser('english-leak', { viewport: { width: 1400, height: 900 }, fullPage: false, waitForNetworkIdle: false });
  const patterns = frenchCatalogue();

  it('finds no French interface string on any page', async () => {
    expect(patterns.length).toBeGreaterThan(500);
    const { page } = await demo.signIn('animatrice@demo.concerto.fr');
    await page.evaluate(() => window.localStorage.setItem('concerto.locale', 'en'));
    await page.reload();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForFunction(() => document.documentElement.lang === 'en');

    const leaks: string[] = [];
    const check = async (path: string) => {
      if (path) await page.goto(`${demo.server.url}${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 15_000 });
      await page.waitForLoadState('networkidle').catch(() => undefined);
      for (const text of await visibleTexts(page)) if (!SEED_TEXT.includes(text) && patterns.some((p) => p.test(text))) leaks.push(`${path || '/'} : ${text}`);
    };

    await check('/');
    const spaceHref = await page.getByRole('link', { name: DEMO_SPACE }).first().getAttribute('href');
    const space = spaceHref!;
    for (const tab of ['', '/diagnostic', '/membres', '/invitations', '/projets', '/seances', '/guide', '/guide/temoignages']) await check(`${space}${tab}`);

    await page.goto(`${demo.server.url}${space}/projets`);
    const projectHref = await page.locator(`a[href^="${space}/projets/"]`).first().getAttribute('href');
    await check(projectHref!);
    await page.goto(`${demo.server.url}${space}/seances`);
    const sessionHref = await page.locator('a[href^="/seances/"]').first().getAttribute('href');
    await check(sessionHref!);
    await page.goto(`${demo.server.url}${space}/guide/temoignages`);
    const testimonyHref = await page.locator(`a[href^="${space}/guide/temoignages/"]`).first().getAttribute('href');
    await check(testimonyHref!);

    for (const path of ['/observatoire', '/observatoire/echantillon', '/observatoire/enquetes', '/notifications', '/profil/notifications', '/profil'])
      await check(path);

    expect(leaks).toEqual([]);
  });
});
