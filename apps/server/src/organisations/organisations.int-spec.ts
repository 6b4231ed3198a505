import { ApiClient, addMember, buildSpace } from '../../testing/api-client.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';

describe('organisations (real PostgreSQL)', () => {
  let t: TestApp;
  let member: ApiClient;
  let stranger: ApiClient;

  beforeAll(async () => {
    t = await startTestApp();
    member = new ApiClient(t.url);
    stranger = new ApiClient(t.url);
    await Promise.all([member.signUp(), stranger.signUp()]);
  });
  afterAll(() => t.close());

  it('creates typed organisations and lists them by kind', async () => {
    const region = await member.post('/api/organisations', { kind: 'collectivite', collectiviteLevel: 'region', name: 'Région Occitanie' });
    expect(region.status).toBe(201);
    expect(region.body).toMatchObject({ kind: 'collectivite', collectiviteLevel: 'region', structureKind: null });
    const scop = await stranger.post('/api/organisations', { kind: 'member_structure', structureKind: 'social_economy', name: 'SCOP Bois' });
    expect(scop.status).toBe(201);
    const collectivites = await stranger.get('/api/organisations?kind=collectivite');
    expect(collectivites.body.map((o: { name: string }) => o.name)).toEqual(['Région Occitanie']);
    const search = await stranger.get('/api/organisations?q=bois');
    expect(search.body.map((o: { name: string }) => o.name)).toEqual(['SCOP Bois']);
    expect((await stranger.get('/api/organisations?kind=club')).status).toBe(400);
    expect((await new ApiClient(t.url).get('/api/organisations')).status).toBe(401);
  });

  it('lists organisations in French collation (accents and case aside)', async () => {
    for (const name of ['Fabrique collation', 'écopôle collation', 'Dunes collation', 'Écopôle collation bis', 'Zèbre collation', 'élan collation']) {
      expect((await member.post('/api/organisations', { kind: 'ess_network', name })).status).toBe(201);
    }
    const names = (await member.get('/api/organisations?q=collation')).body.map((o: { name: string }) => o.name);
    expect(names).toEqual(['Dunes collation', 'écopôle collation', 'Écopôle collation bis', 'élan collation', 'Fabrique collation', 'Zèbre collation']);
  });

  it('refuses inconsistent types and duplicates', async () => {
    expect((await member.post('/api/organisations', { kind: 'collectivite', name: 'Sans niveau' })).status).toBe(400);
    expect((await member.post('/api/organisations', { kind: 'ess_network', name: 'Réseau', collectiviteLevel: 'region' })).status).toBe(400);
    const duplicate = await member.post('/api/organisations', { kind: 'collectivite', collectiviteLevel: 'region', name: 'région occitanie' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('organisation_exists');
  });

  it('lets only its members edit an organisation', async () => {
    const created = await member.post('/api/organisations', { kind: 'ess_network', name: 'CRESS Occitanie' });
    // The creator had no organisation yet: they now belong to the first one they created.
    const mine = (await member.get('/api/auth/me')).body.organisation.id;
    const denied = await stranger.patch(`/api/organisations/${mine}`, { name: 'Piraté' });
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('organisation_not_editable');
    const ok = await member.patch(`/api/organisations/${mine}`, { territory: 'Occitanie' });
    expect(ok.status).toBe(200);
    expect(ok.body.territory).toBe('Occitanie');
    expect((await member.patch(`/api/organisations/${created.body.id}`, { name: 'X Y' })).status).toBe(403);
    expect((await member.get(`/api/organisations/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect((await member.get(`/api/organisations/nope`)).status).toBe(400);
  });

  it('lets the animateurs of the spaces that name a collectivité change its level, its creator only before', async () => {
    const [mairie, animateur, contributeur] = [new ApiClient(t.url), new ApiClient(t.url), new ApiClient(t.url)];
    await Promise.all([mairie.signUp(), animateur.signUp(), contributeur.signUp()]);
    const commune = (await mairie.post('/api/organisations', { kind: 'collectivite', collectiviteLevel: 'commune', name: 'Commune de Lorgues' })).body;
    const level = (client: ApiClient, collectiviteLevel: string) => client.patch(`/api/organisations/${commune.id}`, { collectiviteLevel });
    // Named by no space yet: its creator (now its member) may still correct it; nobody else may.
    expect((await level(mairie, 'epci')).body.collectiviteLevel).toBe('epci');
    expect((await level(animateur, 'commune')).body.code).toBe('collectivite_level_reserved');

    const spaceId = await buildSpace(animateur, { poleName: 'Pôle de Lorgues' });
    await addMember(animateur, spaceId, contributeur, 'contributeur');
    const project = await animateur.post(`/api/spaces/${spaceId}/projects`, {
      title: 'Jardin partagé',
      partners: [{ organisationId: commune.id, role: 'partner' }],
    });
    expect(project.status).toBe(201);
    // Now the space's animateur decides, not the creator, a contributeur or a stranger; a same-level PATCH changes nothing.
    for (const client of [mairie, contributeur, stranger]) {
      const refused = await level(client, 'commune');
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('collectivite_level_reserved');
    }
    expect((await level(mairie, 'epci')).status).toBe(200);
    expect((await mairie.patch(`/api/organisations/${commune.id}`, { territory: 'Var' })).body.territory).toBe('Var');
    expect((await animateur.patch(`/api/organisations/${commune.id}`, { territory: 'Ailleurs' })).body.code).toBe('organisation_not_editable');
    const changed = await level(animateur, 'commune');
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ collectiviteLevel: 'commune', territory: 'Var' });
  });
});
