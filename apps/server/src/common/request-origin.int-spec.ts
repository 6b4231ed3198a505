import { ApiClient, buildSpace } from '../../testing/api-client.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';

const PUBLIC_URL = 'https://concerto.example';
const PARTNER = 'https://partner.example';
const EVIL = { origin: 'https://evil.example' };

describe('origin of state-changing requests (real PostgreSQL)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_URL, ALLOWED_ORIGINS: PARTNER });
  });
  afterAll(() => t.close());

  const countSpaces = async () => Number((await t.dataSource.query('SELECT count(*) FROM space'))[0].count);
  const newSpace = { title: 'Espace piégé', pole: { name: 'Pôle piégé' } };

  it('a page from another origin cannot sign the user out, even with their valid cookie', async () => {
    const victim = new ApiClient(t.url);
    await victim.signUp();
    const response = await victim.request('POST', '/api/auth/sign-out', undefined, EVIL);
    expect(response.status).toBe(403);
    expect(response.body).toEqual({ statusCode: 403, code: 'origin_not_allowed', message: 'Origine non autorisée.' });
    expect(response.headers.get('set-cookie')).toBeNull();
    expect((await victim.get('/api/auth/me')).status).toBe(200);
    const [session] = await t.dataSource.query('SELECT revoked_at FROM auth_session WHERE account_id = $1', [victim.account!.id]);
    expect(session.revoked_at).toBeNull();
  });

  it('a page from another origin cannot create, change or delete anything on the user’s behalf', async () => {
    const victim = new ApiClient(t.url);
    await victim.signUp({ displayName: 'Victime' });
    const spaceId = await buildSpace(victim);
    const before = await countSpaces();
    const attempts: [string, string, unknown][] = [
      ['POST', '/api/spaces', newSpace],
      ['PATCH', '/api/auth/me', { displayName: 'Piraté' }],
      ['PATCH', `/api/spaces/${spaceId}`, { title: 'Titre piraté' }],
      ['POST', `/api/spaces/${spaceId}/invitations`, { email: 'intrus@example.fr', role: 'animateur' }],
      ['DELETE', `/api/spaces/${spaceId}/members/${victim.account!.id}`, undefined],
    ];
    for (const [method, path, body] of attempts) {
      const response = await victim.request(method, path, body, EVIL);
      expect({ method, path, status: response.status, code: response.body.code }).toEqual({ method, path, status: 403, code: 'origin_not_allowed' });
    }
    expect(await countSpaces()).toBe(before);
    expect((await victim.get('/api/auth/me')).body.displayName).toBe('Victime');
    expect((await victim.get(`/api/spaces/${spaceId}`)).body.title).toBe('Espace de concertation');
    expect((await victim.get(`/api/spaces/${spaceId}/invitations`)).body).toEqual([]);
  });

  it('refuses a cross-site request that says so only in Sec-Fetch-Site, a same-site one and an opaque origin', async () => {
    const victim = new ApiClient(t.url);
    await victim.signUp();
    const before = await countSpaces();
    const refused: Record<string, string>[] = [{ 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }, { origin: 'null' }];
    for (const headers of refused) {
      const response = await victim.request('POST', '/api/spaces', newSpace, headers);
      expect({ headers, status: response.status, code: response.body.code }).toEqual({ headers, status: 403, code: 'origin_not_allowed' });
    }
    expect(await countSpaces()).toBe(before);
  });

  it('refuses a sign-in or sign-up posted from another origin, in English when asked', async () => {
    const signUp = await new ApiClient(t.url).request(
      'POST',
      '/api/auth/sign-up',
      { email: 'csrf@example.fr', password: 'un mot de passe solide', displayName: 'Forcé' },
      { ...EVIL, 'accept-language': 'en' },
    );
    expect(signUp.status).toBe(403);
    expect(signUp.body.message).toBe('Origin not allowed.');
    expect(await t.dataSource.query(`SELECT id FROM account WHERE email = 'csrf@example.fr'`)).toEqual([]);
    const signIn = await new ApiClient(t.url).request('POST', '/api/auth/sign-in', { email: 'csrf@example.fr', password: 'x' }, EVIL);
    expect(signIn.status).toBe(403);
  });

  it('allows the public address, ALLOWED_ORIGINS, same-origin and user-initiated requests, and clients that send neither header', async () => {
    const person = new ApiClient(t.url);
    await person.signUp();
    const allowed: Record<string, string>[] = [
      { origin: PUBLIC_URL },
      { origin: `${PUBLIC_URL}/` },
      { origin: PARTNER },
      { origin: PUBLIC_URL, 'sec-fetch-site': 'same-origin' },
      { 'sec-fetch-site': 'same-origin' },
      { 'sec-fetch-site': 'none' },
      {},
    ];
    for (const headers of allowed) {
      const response = await person.request('POST', '/api/spaces', { title: 'Espace autorisé', pole: { name: 'Pôle autorisé' } }, headers);
      expect({ headers, status: response.status }).toEqual({ headers, status: 201 });
    }
    expect((await person.request('POST', '/api/auth/sign-out', undefined, { origin: PUBLIC_URL })).status).toBe(204);
  });

  it('leaves reads alone (another origin cannot read them anyway: no CORS headers)', async () => {
    const person = new ApiClient(t.url);
    await person.signUp();
    const response = await person.request('GET', '/api/auth/me', undefined, EVIL);
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});
