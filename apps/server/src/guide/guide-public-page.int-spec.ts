import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClient, buildSpace } from '../../testing/api-client.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';

/** With the built web app served, its fallback (index.html for every page) must leave the published guide's pages alone. */
describe('the published guide beside the single-page app', () => {
  let t: TestApp;
  let webDist: string;
  beforeAll(async () => {
    webDist = mkdtempSync(join(tmpdir(), 'concerto-web-'));
    writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>Concerto SPA</title>');
    t = await startTestApp({ WEB_DIST: webDist });
  });
  afterAll(async () => {
    await t.close();
    rmSync(webDist, { recursive: true, force: true });
  });

  it('serves the guide’s page from the server, 404 for an unknown token, and the app everywhere else', async () => {
    const animateur = new ApiClient(t.url);
    await animateur.signUp();
    const spaceId = await buildSpace(animateur, { title: 'Ôkhra' });
    const { token } = (await animateur.request('PUT', `/api/spaces/${spaceId}/guide/publication`, {})).body as { token: string };
    const page = await fetch(`${t.url}/guide-public/${token}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Guide d’appui — Ôkhra');
    expect(html).not.toContain('Concerto SPA');
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'/);

    const unknown = await fetch(`${t.url}/guide-public/${'A'.repeat(43)}`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).not.toContain('Concerto SPA');

    const app = await fetch(`${t.url}/espaces/${spaceId}/guide`);
    expect(app.status).toBe(200);
    expect(await app.text()).toContain('Concerto SPA');
    expect(app.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
  });
});
