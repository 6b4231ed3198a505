import { join } from 'node:path';
import { findProjectRoot } from '@concerto/server/testing';
import { NO_BROWSER, findBrowser, launchChromium } from '../support/browser.js';

/** `npm test` finds a browser, or says in one line what to install or set. */
describe('the browser the tests drive', () => {
  const on =
    (...paths: string[]) =>
    (path: string) =>
      paths.includes(path);

  it('takes CHROMIUM_PATH first, then Debian and Ubuntu Chromium, then an installed Chrome', () => {
    expect(findBrowser({ CHROMIUM_PATH: '/opt/chromium/chrome' }, on('/opt/chromium/chrome', '/usr/bin/chromium'))).toEqual({
      executablePath: '/opt/chromium/chrome',
    });
    expect(findBrowser({}, on('/usr/bin/chromium', '/usr/bin/chromium-browser'))).toEqual({ executablePath: '/usr/bin/chromium' });
    expect(findBrowser({}, on('/usr/bin/chromium-browser'))).toEqual({ executablePath: '/usr/bin/chromium-browser' });
    expect(findBrowser({}, on())).toEqual({ channel: 'chrome' });
    // A CHROMIUM_PATH that names nothing is a mistake to report, not a reason to drive another browser.
    expect(findBrowser({ CHROMIUM_PATH: '/nowhere/chromium' }, on('/usr/bin/chromium'))).toBeNull();
  });

  it('without any browser, fails with one line naming the package and CHROMIUM_PATH', async () => {
    expect(NO_BROWSER).toContain('apt-get install chromium');
    expect(NO_BROWSER).toContain('CHROMIUM_PATH');
    expect(NO_BROWSER).not.toContain('\n');
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = join(findProjectRoot(), 'tmp', 'no-such-browser');
    try {
      await expect(launchChromium()).rejects.toThrow(NO_BROWSER);
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    }
  });

  it('finds the browser of this machine', async () => {
    const browser = await launchChromium();
    try {
      expect(browser.version()).toMatch(/^\d+\./);
    } finally {
      await browser.close();
    }
  });
});
