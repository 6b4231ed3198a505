import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Where a browser was found: a file to run, or playwright's name for an installed Chrome. */
export type BrowserChoice = { executablePath: string } | { channel: 'chrome' };

/** What to do when no browser is found: one line. */
export const NO_BROWSER =
  'No Chromium or Chrome found for the browser tests: install one (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome executable.';

/**
 * The browser the tests drive, in this order: `CHROMIUM_PATH` (which must exist), `/usr/bin/chromium`,
 * `/usr/bin/chromium-browser`, then an installed Google Chrome (playwright's `chrome` channel). Null when none.
 */
export function findBrowser(env: NodeJS.ProcessEnv = process.env, exists: (path: string) => boolean = existsSync): BrowserChoice | null {
  if (env.CHROMIUM_PATH) return exists(env.CHROMIUM_PATH) ? { executablePath: env.CHROMIUM_PATH } : null;
  for (const path of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) if (exists(path)) return { executablePath: path };
  // Whether Chrome is installed, playwright finds out when launching it (it knows each platform's places).
  return { channel: 'chrome' };
}

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Chromium (or Chrome), headless, with nothing that reaches out to the network; a clear error when there is none. */
export async function launchChromium(): Promise<Browser> {
  const found = findBrowser();
  if (found === null) throw new Error(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist. ${NO_BROWSER}`);
  if ('executablePath' in found) return chromium.launch({ ...found, headless: true, args: ARGS });
  return chromium.launch({ ...found, headless: true, args: ARGS }).catch(() => {
    throw new Error(NO_BROWSER);
  });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** Runs axe-core (WCAG 2.1 A/AA rules) on the page and returns the serious and critical violations. */
export async function seriousAccessibilityViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
