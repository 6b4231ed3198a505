import { startTestApp, type TestApp } from '../../testing/test-app.js';

describe('compressed responses', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const get = (path: string, acceptEncoding: string) => fetch(`${t.url}${path}`, { headers: { 'accept-encoding': acceptEncoding } });

  it('answers in brotli when the browser accepts it, in gzip otherwise, and plainly when it accepts neither', async () => {
    const plain = await get('/api/docs/openapi.json', 'identity');
    const size = (await plain.arrayBuffer()).byteLength;
    expect(size).toBeGreaterThan(10_000);
    expect(plain.headers.get('content-encoding')).toBeNull();

    const brotli = await get('/api/docs/openapi.json', 'gzip, deflate, br');
    expect(brotli.headers.get('content-encoding')).toBe('br');
    expect(JSON.parse(await brotli.text())).toHaveProperty('openapi'); // fetch decodes it: the content is intact

    const gzip = await get('/api/docs/openapi.json', 'gzip');
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
  });
});
