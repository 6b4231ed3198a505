import { ApiClient } from '../../testing/api-client.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';

describe('accounts and sessions (real PostgreSQL)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ SIGNIN_MAX_FAILURES_PER_ACCOUNT: '3', SIGNIN_MAX_FAILURES_PER_ADDRESS: '1000' });
  });
  afterAll(() => t.close());

  const countAccounts = async () => Number((await t.dataSource.query('SELECT count(*) FROM account'))[0].count);

  it('signs up with an argon2id hash and an httpOnly, SameSite=Lax session cookie', async () => {
    const client = new ApiClient(t.url);
    const response = await client.post('/api/auth/sign-up', {
      email: '  Alice.Martin@Example.FR ',
      password: 'un mot de passe solide',
      displayName: 'Alice Martin',
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ email: 'alice.martin@example.fr', displayName: 'Alice Martin', locale: 'fr' });
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/concerto_sid=[A-Za-z0-9_-]{43}/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
    const [row] = await t.dataSource.query(`SELECT password_hash FROM account WHERE email = 'alice.martin@example.fr'`);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect((await client.get('/api/auth/me')).body.email).toBe('alice.martin@example.fr');
  });

  it('marks the cookie Secure behind an https proxy', async () => {
    const client = new ApiClient(t.url);
    const response = await client.request(
      'POST',
      '/api/auth/sign-up',
      { email: 'secure@example.fr', password: 'un mot de passe solide', displayName: 'Sécurisé' },
      { 'x-forwarded-proto': 'https' },
    );
    expect(response.status).toBe(201);
    expect(response.headers.get('set-cookie')).toMatch(/Secure/i);
  });

  it('tells who is signed in without an error status for a visitor', async () => {
    const visitor = new ApiClient(t.url);
    expect(await visitor.get('/api/auth/session')).toMatchObject({ status: 200, body: { account: null } });
    await visitor.signUp();
    const me = await visitor.get('/api/auth/me');
    expect(await visitor.get('/api/auth/session')).toMatchObject({ status: 200, body: { account: me.body } });
    await visitor.post('/api/auth/sign-out', {});
    expect((await visitor.get('/api/auth/session')).body).toEqual({ account: null });
  });

  it('refuses a second account with the same e-mail', async () => {
    await new ApiClient(t.url).signUp({ email: 'twice@example.fr' });
    const again = await new ApiClient(t.url).post('/api/auth/sign-up', {
      email: 'TWICE@example.fr',
      password: 'un autre mot de passe',
      displayName: 'Double',
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('email_taken');
  });

  it('names the offending fields and writes nothing on bad input', async () => {
    const before = await countAccounts();
    const response = await new ApiClient(t.url).post('/api/auth/sign-up', { email: 'not-an-email', password: 'short', displayName: '' });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation_failed');
    expect(response.body.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(['email', 'password', 'displayName']));
    expect(await countAccounts()).toBe(before);
  });

  it('answers in English when asked', async () => {
    const response = await new ApiClient(t.url).request('GET', '/api/auth/me', undefined, { 'accept-language': 'en-GB,en;q=0.9' });
    expect(response.status).toBe(401);
    expect(response.body.message).toBe('Please sign in.');
    const french = await new ApiClient(t.url).get('/api/auth/me');
    expect(french.body.message).toBe('Veuillez vous connecter.');
  });

  it('gives the same answer for an unknown e-mail and a wrong password', async () => {
    await new ApiClient(t.url).signUp({ email: 'known@example.fr', password: 'le bon mot de passe' });
    const wrongPassword = await new ApiClient(t.url).post('/api/auth/sign-in', { email: 'known@example.fr', password: 'mauvais' });
    const unknown = await new ApiClient(t.url).post('/api/auth/sign-in', { email: 'unknown@example.fr', password: 'mauvais' });
    expect(wrongPassword.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrongPassword.body).toEqual(unknown.body);
    const ok = await new ApiClient(t.url).post('/api/auth/sign-in', { email: 'Known@Example.fr', password: 'le bon mot de passe' });
    expect(ok.status).toBe(200);
  });

  it('rate-limits sign-in attempts per account with 429', async () => {
    await new ApiClient(t.url).signUp({ email: 'target@example.fr', password: 'le bon mot de passe' });
    for (let i = 0; i < 3; i++) {
      expect((await new ApiClient(t.url).post('/api/auth/sign-in', { email: 'target@example.fr', password: `essai ${i}` })).status).toBe(401);
    }
    const blocked = await new ApiClient(t.url).post('/api/auth/sign-in', { email: 'target@example.fr', password: 'le bon mot de passe' });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('too_many_attempts');
  });

  it('revokes the session at sign-out', async () => {
    const client = new ApiClient(t.url);
    await client.signUp();
    const stolenCookie = client.cookie;
    expect((await client.post('/api/auth/sign-out')).status).toBe(204);
    const replay = new ApiClient(t.url);
    replay.cookie = stolenCookie;
    expect((await replay.get('/api/auth/me')).status).toBe(401);
  });

  it('ignores forged or malformed cookies', async () => {
    const client = new ApiClient(t.url);
    client.cookie = 'concerto_sid=' + 'A'.repeat(43);
    expect((await client.get('/api/auth/me')).status).toBe(401);
    client.cookie = 'concerto_sid=%00%01';
    expect((await client.get('/api/auth/me')).status).toBe(401);
  });

  it('updates my language and organisation', async () => {
    const client = new ApiClient(t.url);
    await client.signUp();
    const organisation = await client.post('/api/organisations', { kind: 'ess_network', name: 'CRESS de test' });
    expect(organisation.status).toBe(201);
    const updated = await client.patch('/api/auth/me', { locale: 'en', organisationId: organisation.body.id });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ locale: 'en', organisation: { id: organisation.body.id, kind: 'ess_network' } });
    const unknownOrganisation = await client.patch('/api/auth/me', { organisationId: '00000000-0000-4000-8000-000000000000' });
    expect(unknownOrganisation.status).toBe(400);
  });

  it('refuses malformed JSON with a 400', async () => {
    const response = await new ApiClient(t.url).post('/api/auth/sign-in', '{"email": ');
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation_failed');
  });
});
