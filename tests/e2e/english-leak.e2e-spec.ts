import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { findProjectRoot } from '@concerto/server/testing';
import { DEMO_SPACE, useDemoBrowser } from '../support/demo-browser.js';
import { api } from '../support/page-api.js';

const ROOT = findProjectRoot();
const WEB = join(ROOT, 'apps', 'web', 'src');
const SEED = join(ROOT, 'apps', 'server', 'src', 'seed');

type Lang = 'fr' | 'en';

/** Every quoted string of a catalogue file (single quotes, the house style). */
const stringsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/'((?:[^'\\\n]|\\.)*)'/g)].map((m) => m[1].replace(/\\'/g, "'"));
const catalogueFiles = (prefix: Lang) => [
  ...readdirSync(join(WEB, 'features')).flatMap((area) =>
    readdirSync(join(WEB, 'features', area))
      .filter((f) => f.startsWith(`${prefix}-`) && f.endsWith('.ts'))
      .map((f) => join(WEB, 'features', area, f)),
  ),
  join(WEB, 'i18n', `${prefix}.ts`),
];

const SEED_TEXT = readdirSync(SEED)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => readFileSync(join(SEED, f), 'utf8'))
  .join('\n');

/** Words written the same in both languages, that one catalogue happens to use and the other not. */
const BOTH_LANGUAGES = new Set(['Participants', 'Agenda', 'Format', 'Sessions', 'Minutes', 'Note', 'Nature', 'Animation', 'Instrument', 'Guide', 'Score']);

/**
 * The strings of the `lang` interface that the other language's pages must not show: those of its catalogues with no
 * identical string in the other's, longer than 3 characters, not found in the demo seed (user content), and not a
 * path, an identifier or a format. Single words count (« Fermer » as a button's label is a leak).
 */
function catalogue(lang: Lang): RegExp[] {
  const other = new Set(catalogueFiles(lang === 'fr' ? 'en' : 'fr').flatMap(stringsOf));
  const own = new Set(catalogueFiles(lang).flatMap(stringsOf));
  const patterns: RegExp[] = [];
  for (const text of own) {
    const literal = text.replace(/\{\{[^}]+\}\}/g, '').trim();
    if (literal.length <= 3 || other.has(text) || SEED_TEXT.includes(text) || BOTH_LANGUAGES.has(literal)) continue;
    // Not a sentence of the interface: an import path, an identifier (lower case with ., _, / or :), a format.
    if (/^[\w./:#@-]+$/.test(text) && (/^[./]/.test(text) || /[_/:#@]/.test(text) || /^[a-z]/.test(text))) continue;
    const parts = text.split(/\{\{[^}]+\}\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    patterns.push(new RegExp(`^${parts.join('.+?')}$`));
  }
  return patterns;
}

/** French typography in an English sentence: a space before a colon, semicolon, question or exclamation mark; « ». */
const FRENCH_TYPOGRAPHY = /[\s\u00a0\u202f][:;?!](?=\s|$)|[«»]/g;
/** Whether `text` has French typography that is not part of user content from the seed (a title « TETRIS : … »). */
const frenchTypography = (text: string) =>
  [...text.matchAll(FRENCH_TYPOGRAPHY)].some((m) => {
    const around = text.slice(Math.max(0, m.index - 12), m.index + m[0].length + 12).trim();
    // A colon or quotes alone (written in a component between two values) is never user content.
    return !/\p{L}/u.test(around) || (!SEED_TEXT.includes(around) && !SEED_TEXT.includes(around.replace(/'/g, "\\'")));
  });

/**
 * What the page says, seen or heard: its visible text nodes; the accessible names and hints of every element
 * (aria-label, aria-description, aria-roledescription, aria-valuetext, placeholder, title, alt), hidden or not, user
 * content (the editors' text) aside; and the document's title.
 */
const pageStrings = (page: Page) =>
  page.evaluate(() => {
    // `raw`: a text node untrimmed (« Prévu », « : », « 20 min » are three nodes when the colon is written in JSX).
    const out: { where: string; text: string; raw?: string }[] = [{ where: 'document.title', text: document.title.replace(/ – Concerto$/, '').trim() }];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const parent = node.parentElement;
      if (!text || !parent || parent.closest('script, style, template, [aria-hidden="true"], .ProseMirror')) continue;
      if (parent.getClientRects().length === 0) continue;
      out.push({ where: 'text', text, raw: node.textContent ?? text });
    }
    const attributes = ['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'placeholder', 'title', 'alt'];
    for (const element of document.querySelectorAll(attributes.map((a) => `[${a}]`).join(', '))) {
      if (element.parentElement?.closest('.ProseMirror') || element.closest('script, style, template')) continue;
      for (const attribute of attributes) {
        const value = element.getAttribute(attribute)?.trim();
        if (value) out.push({ where: `${element.tagName.toLowerCase()}[${attribute}]`, text: value });
      }
    }
    // The SVG <title> of icons and charts is read out as their name.
    for (const title of document.querySelectorAll('svg title')) {
      const text = title.textContent?.trim();
      if (text) out.push({ where: 'svg title', text });
    }
    return out;
  });

/**
 * Every page of the app in one language, on the demo territory (a live session with joining by code opened, its
 * projection view, and the join page as a phone without an account sees it, included): no visible text, accessible
 * name, placeholder, tooltip, alternative text or document title may be one of the other language's interface
 * strings (user content from the seed aside).
 */
describe.each([
  ['English', 'en', 'fr'],
  ['French', 'fr', 'en'],
] as const)('the %s interface shows no string of the other language', (_name, lang, other) => {
  const demo = useDemoBrowser(`language-leak-${lang}`, { viewport: { width: 1400, height: 900 }, fullPage: false, waitForNetworkIdle: false });
  const patterns = catalogue(other);

  it('finds none on any page, in any text, accessible name, placeholder, tooltip, alternative text or title', async () => {
    expect(patterns.length).toBeGreaterThan(500);
    const { page } = await demo.signIn('animatrice@demo.concerto.fr');
    await page.evaluate((l) => window.localStorage.setItem('concerto.locale', l), lang);
    await page.reload();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);

    const leaks: string[] = [];
    const checked = new Set<string>();
    const check = async (target: Page, path: string, label = path) => {
      if (path) await target.goto(`${demo.server.url}${path}`);
      await target.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 15_000 });
      await target.waitForLoadState('networkidle').catch(() => undefined);
      for (const { where, text, raw = text } of await pageStrings(target)) {
        const french = lang === 'en' && frenchTypography(raw);
        if (!french && (SEED_TEXT.includes(text) || !patterns.some((p) => p.test(text)))) continue;
        const leak = `${label || '/'} ${where}: ${text}`;
        if (!checked.has(leak)) leaks.push(leak);
        checked.add(leak);
      }
    };

    await check(page, '/');
    const spaceHref = await page.getByRole('link', { name: DEMO_SPACE }).first().getAttribute('href');
    const space = spaceHref!;
    for (const tab of ['', '/diagnostic', '/membres', '/invitations', '/projets', '/seances', '/guide', '/guide/temoignages', '/guide/preconisations'])
      await check(page, `${space}${tab}`);

    await page.goto(`${demo.server.url}${space}/projets`);
    const projectHref = await page.locator(`a[href^="${space}/projets/"]`).first().getAttribute('href');
    await check(page, projectHref!);
    await page.goto(`${demo.server.url}${space}/seances`);
    const sessionHref = await page.locator('a[href^="/seances/"]').first().getAttribute('href');
    await check(page, sessionHref!);
    await check(page, `${sessionHref!}/compte-rendu`);
    await page.goto(`${demo.server.url}${space}/guide/temoignages`);
    const testimonyHref = await page.locator(`a[href^="${space}/guide/temoignages/"]`).first().getAttribute('href');
    await check(page, testimonyHref!);

    // A live session with a contribution, a group and votes: the animatrice's page with joining by code opened, the
    // wall, and a phone's join and participant pages.
    const spaces = await api<{ id: string; title: string }[]>(page, 'GET', '/api/spaces');
    const spaceId = spaces.find((s) => s.title === DEMO_SPACE)!.id;
    const live = await api<{ id: string; agenda: { id: string }[] }>(page, 'POST', `/api/spaces/${spaceId}/sessions`, {
      title: 'Atelier en direct',
      scheduledAt: new Date(Date.now() + 3600_000).toISOString(),
      agenda: [{ title: 'Idées', durationMinutes: 10 }],
    });
    await api(page, 'POST', `/api/sessions/${live.id}/facilitation`, { action: 'start' });
    await api(page, 'POST', `/api/sessions/${live.id}/votes`, { kind: 'consent', title: 'Proposition du jour' });
    await api(page, 'POST', `/api/sessions/${live.id}/votes`, {
      kind: 'dot',
      title: 'Priorités',
      options: [
        { key: 'a', label: 'Navette' },
        { key: 'b', label: 'Vélo' },
      ],
    });
    const { code } = await api<{ code: string }>(page, 'POST', `/api/sessions/${live.id}/join-code`);
    const { page: phone } = await demo.open();
    await phone.goto(`${demo.server.url}/connexion`);
    await phone.evaluate((l) => window.localStorage.setItem('concerto.locale', l), lang);
    for (const path of ['/connexion', '/inscription', '/mot-de-passe-oublie', `/rejoindre/${code}`]) await check(phone, path);
    await phone.getByRole('textbox').first().fill('Camille');
    await phone.getByRole('button', { name: lang === 'en' ? 'Join' : 'Rejoindre' }).click();
    const post = phone.getByRole('button', { name: lang === 'en' ? 'Post' : 'Publier' });
    await post.waitFor({ timeout: 15_000 });
    await phone.getByRole('textbox').first().fill('Une navette le samedi');
    await post.click();
    await phone.getByRole('listitem').filter({ hasText: 'Une navette le samedi' }).waitFor({ timeout: 15_000 });
    await check(phone, '');
    await check(page, `/seances/${live.id}`);
    await page.getByText('Une navette le samedi', { exact: true }).first().waitFor({ timeout: 15_000 });
    await check(page, '');
    await check(page, `/seances/${live.id}/projection`);

    // Switched while on the page (no reload): what was rendered in the other language follows, titles included.
    const switched = async (path: string) => {
      await page.evaluate((l) => window.localStorage.setItem('concerto.locale', l), other);
      await page.goto(`${demo.server.url}${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 15_000 });
      await page.waitForFunction((l) => document.documentElement.lang === l, other);
      await page.waitForLoadState('networkidle').catch(() => undefined);
      await page.getByRole('button', { name: lang === 'en' ? 'English' : 'Français' }).click();
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);
      await check(page, '', `${path} (switched)`);
    };
    for (const path of [space, `${space}/diagnostic`, projectHref!, `/seances/${live.id}`, `${sessionHref!}/compte-rendu`, '/profil/notifications'])
      await switched(path);

    for (const path of [
      '/observatoire',
      '/observatoire/echantillon',
      '/observatoire/enquetes',
      '/notifications',
      '/profil/notifications',
      '/profil',
      '/nulle-part',
    ])
      await check(page, path);

    expect(leaks).toEqual([]);
  });
});
