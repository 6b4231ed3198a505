import { ApiClient, buildSpace } from '../../testing/api-client.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';

const pathsOf = (body: { issues?: { path: string }[] }) => (body.issues ?? []).map((issue) => issue.path);

describe('text in REST payloads (real PostgreSQL)', () => {
  let t: TestApp;
  let owner: ApiClient;
  let spaceId: string;

  beforeAll(async () => {
    t = await startTestApp();
    owner = new ApiClient(t.url);
    await owner.signUp();
    spaceId = await buildSpace(owner);
  });
  afterAll(() => t.close());

  const count = async (table: string) => Number((await t.dataSource.query(`SELECT count(*) FROM ${table}`))[0].count);

  describe('a lone UTF-16 surrogate', () => {
    it.each([
      ['a high surrogate', 'Projet \ud800'],
      ['a low surrogate between letters', 'a\udfffb'],
    ])('in a project title (%s) is a 400 naming the field, and nothing is written', async (_case, title) => {
      const before = await count('project');
      const response = await owner.post(`/api/spaces/${spaceId}/projects`, { title });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ statusCode: 400, code: 'validation_failed', message: 'Certaines informations sont invalides.' });
      expect(response.body.issues).toEqual([{ path: 'title', message: expect.stringMatching(/Unicode/) }]);
      expect(await count('project')).toBe(before);
    });

    it('is found in nested fields, in arrays, in object keys and in fields that are never stored', async () => {
      const nested = await owner.post('/api/spaces', { title: 'Espace propre', pole: { name: 'Pôle propre', territory: 'Nord \udc00' } });
      expect(nested.status).toBe(400);
      expect(pathsOf(nested.body)).toEqual(['pole.territory']);

      const inArray = await owner.post(`/api/spaces/${spaceId}/sessions`, {
        title: 'Séance propre',
        scheduledAt: '2026-12-10T09:00:00Z',
        agenda: [
          { title: 'Accueil', durationMinutes: 10 },
          { title: 'Bilan \ud83d', durationMinutes: 20 },
        ],
      });
      expect(inArray.status).toBe(400);
      expect(pathsOf(inArray.body)).toEqual(['agenda.1.title']);

      const inKey = await owner.post(`/api/spaces/${spaceId}/projects`, { title: 'Projet propre', ['x\ud800']: 1 });
      expect(inKey.status).toBe(400);
      expect(pathsOf(inKey.body)).toEqual(['x\ufffd']);

      const password = await new ApiClient(t.url).post('/api/auth/sign-in', { email: 'personne@example.fr', password: 'mot de passe \ud800' });
      expect(password.status).toBe(400);
      expect(pathsOf(password.body)).toEqual(['password']);
    });

    it('is explained in English when asked', async () => {
      const response = await owner.request('POST', `/api/spaces/${spaceId}/projects`, { title: 'Projet \ud800' }, { 'accept-language': 'en' });
      expect(response.status).toBe(400);
      expect(response.body.message).toBe('Some fields are invalid.');
      expect(response.body.issues).toEqual([{ path: 'title', message: 'Malformed text: a lone Unicode surrogate (half of a character).' }]);
    });

    it('in a query string is never a 500', async () => {
      // Express decodes percent-encoded surrogate halves (invalid UTF-8) as U+FFFD, so they reach no handler.
      const response = await owner.get('/api/organisations?q=%ED%A0%80');
      expect(response.status).toBe(200);
    });
  });

  describe('a required title or name made only of invisible characters', () => {
    const invisible = ['\u200B\u200C\u200D', '\u2060\uFEFF\u00AD', '\u200E\u200F\u202A\u202E', '\u2066\u2069 \t', '\u00AD\u200B \u3164'];

    it.each(invisible.map((text) => [JSON.stringify(text), text]))('is refused as a project title: %s', async (_label, title) => {
      const before = await count('project');
      const response = await owner.post(`/api/spaces/${spaceId}/projects`, { title });
      expect(response.status).toBe(400);
      expect(pathsOf(response.body)).toEqual(['title']);
      expect(await count('project')).toBe(before);
    });

    it('is refused wherever a visible name is required, with a message in French or English', async () => {
      const blank = '\u200B\u00AD\u2060\u200B';
      const project = await owner.post(`/api/spaces/${spaceId}/projects`, { title: 'Projet visible' });
      expect(project.status).toBe(201);
      const cases: [string, string, unknown, string][] = [
        ['POST', '/api/spaces', { title: blank, pole: { name: 'Pôle visible' } }, 'title'],
        ['POST', '/api/spaces', { title: 'Espace visible', pole: { name: blank } }, 'pole.name'],
        ['PATCH', `/api/spaces/${spaceId}`, { title: blank }, 'title'],
        ['POST', '/api/organisations', { kind: 'ess_network', name: blank }, 'name'],
        ['POST', `/api/spaces/${spaceId}/sessions`, { title: blank, scheduledAt: '2026-12-10T09:00:00Z' }, 'title'],
        [
          'POST',
          `/api/spaces/${spaceId}/sessions`,
          { title: 'Séance visible', scheduledAt: '2026-12-10T09:00:00Z', agenda: [{ title: blank, durationMinutes: 5 }] },
          'agenda.0.title',
        ],
        ['POST', `/api/spaces/${spaceId}/projects/${project.body.id}/milestones`, { title: blank }, 'title'],
        [
          'POST',
          `/api/spaces/${spaceId}/projects/${project.body.id}/indicators`,
          { kind: 'custom', label: blank, measuredOn: '2026-01-01', value: 1 },
          'label',
        ],
        ['PATCH', '/api/auth/me', { displayName: blank }, 'displayName'],
      ];
      for (const [method, path, body, field] of cases) {
        const response = await owner.request(method, path, body);
        expect({ path, status: response.status, paths: pathsOf(response.body) }).toEqual({ path, status: 400, paths: [field] });
        expect(response.body.issues[0].message).toBe('Ce texte doit contenir des caractères visibles.');
      }
      const signUp = await new ApiClient(t.url).request(
        'POST',
        '/api/auth/sign-up',
        { email: 'invisible@example.fr', password: 'un mot de passe solide', displayName: '\u200B\u200B\u200B' },
        { 'accept-language': 'en' },
      );
      expect(signUp.status).toBe(400);
      expect(signUp.body.issues).toEqual([{ path: 'displayName', message: 'This text must contain visible characters.' }]);
      expect(await t.dataSource.query(`SELECT id FROM account WHERE email = 'invisible@example.fr'`)).toEqual([]);
    });

    it('counts only visible characters towards the minimum length, and keeps joiners inside visible text', async () => {
      const tooFew = await owner.post('/api/spaces', { title: 'a\u200B\u200B\u200B', pole: { name: 'Pôle visible' } });
      expect(tooFew.status).toBe(400);
      expect(pathsOf(tooFew.body)).toEqual(['title']);
      const emoji = await owner.post(`/api/spaces/${spaceId}/projects`, { title: 'Ferme 👩\u200D🌾 partagée' });
      expect(emoji.status).toBe(201);
      expect(emoji.body.title).toBe('Ferme 👩\u200D🌾 partagée');
    });
  });
});
