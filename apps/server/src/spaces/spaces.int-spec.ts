import { ApiClient, addMember, buildSpace } from '../../testing/api-client.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';

describe('concertation spaces and pole profiles (real PostgreSQL)', () => {
  let t: TestApp;
  let animateur: ApiClient;
  let contributeur: ApiClient;
  let observateur: ApiClient;
  let outsider: ApiClient;
  let spaceId: string;

  beforeAll(async () => {
    t = await startTestApp();
    animateur = new ApiClient(t.url);
    contributeur = new ApiClient(t.url);
    observateur = new ApiClient(t.url);
    outsider = new ApiClient(t.url);
    await Promise.all([animateur.signUp(), contributeur.signUp(), observateur.signUp(), outsider.signUp()]);
    spaceId = await buildSpace(animateur, { title: 'Concertation TETRIS', poleName: 'TETRIS' });
    await addMember(animateur, spaceId, contributeur, 'contributeur');
    await addMember(animateur, spaceId, observateur, 'observateur');
  });
  afterAll(() => t.close());

  it('makes the creator animateur of the new space and pole', async () => {
    const space = await animateur.get(`/api/spaces/${spaceId}`);
    expect(space.status).toBe(200);
    expect(space.body).toMatchObject({ title: 'Concertation TETRIS', myRole: 'animateur', memberCount: 3, pole: { name: 'TETRIS' } });
    const list = await animateur.get('/api/spaces');
    expect(list.body.map((s: { id: string }) => s.id)).toContain(spaceId);
  });

  it('hides a space from non-members behind a 404', async () => {
    expect((await outsider.get(`/api/spaces/${spaceId}`)).status).toBe(404);
    expect((await outsider.get('/api/spaces')).body).toEqual([]);
    expect((await outsider.get(`/api/spaces/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect((await outsider.get(`/api/spaces/not-a-uuid`)).status).toBe(400);
  });

  it('lets contributeurs edit the pole profile along the characterisation grid', async () => {
    const response = await contributeur.patch(`/api/spaces/${spaceId}/pole`, {
      collectiviteLevels: ['commune', 'epci', 'region'],
      collectiviteServices: ['social_economy'],
      legalForm: 'cooperative',
      stage: 'development',
      perimeter: 'intercommunality',
      implantation: 'periurban',
      memberStructureCount: 24,
      structureKinds: ['social_economy', 'private'],
      sectors: ['environment', 'social'],
      activityNatures: ['goods_and_services'],
      territory: '  Grasse   (Alpes-Maritimes) ',
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ stage: 'development', territory: 'Grasse (Alpes-Maritimes)', memberStructureCount: 24 });
    const reread = await observateur.get(`/api/spaces/${spaceId}`);
    expect(reread.body.pole.sectors).toEqual(['environment', 'social']);
  });

  it('refuses profile edits from observateurs and invalid grid values, changing nothing', async () => {
    const before = (await animateur.get(`/api/spaces/${spaceId}`)).body.pole;
    const denied = await observateur.patch(`/api/spaces/${spaceId}/pole`, { stage: 'seeding' });
    expect(denied.status).toBe(403);
    const invalid = await contributeur.patch(`/api/spaces/${spaceId}/pole`, { stage: 'seeding', sectors: ['agriculture'] });
    expect(invalid.status).toBe(400);
    expect(invalid.body.issues[0].path).toBe('sectors.0');
    const after = (await animateur.get(`/api/spaces/${spaceId}`)).body.pole;
    expect(after).toEqual(before);
  });

  it('lets only the animateur rename the space', async () => {
    expect((await contributeur.patch(`/api/spaces/${spaceId}`, { title: 'Autre titre' })).status).toBe(403);
    const renamed = await animateur.patch(`/api/spaces/${spaceId}`, { title: 'Concertation TETRIS 2026' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.title).toBe('Concertation TETRIS 2026');
  });

  it('opens a second space on an existing pole only for its animateurs', async () => {
    const poleId = (await animateur.get(`/api/spaces/${spaceId}`)).body.pole.id;
    const byContributor = await contributeur.post('/api/spaces', { title: 'Autre espace', pole: { id: poleId } });
    expect(byContributor.status).toBe(403);
    expect(byContributor.body.code).toBe('pole_not_managed');
    const byOutsider = await outsider.post('/api/spaces', { title: 'Autre espace', pole: { id: poleId } });
    expect(byOutsider.status).toBe(403);
    const byAnimateur = await animateur.post('/api/spaces', { title: 'Comité de pilotage', pole: { id: poleId } });
    expect(byAnimateur.status).toBe(201);
    expect(byAnimateur.body.pole.id).toBe(poleId);
    const poles = await animateur.get('/api/poles');
    expect(poles.body).toEqual([expect.objectContaining({ id: poleId, canCreateSpace: true })]);
    expect((await contributeur.get('/api/poles')).body).toEqual([expect.objectContaining({ id: poleId, canCreateSpace: false })]);
  });

  it('lists members with their organisations', async () => {
    const organisation = await contributeur.post('/api/organisations', {
      kind: 'collectivite',
      collectiviteLevel: 'epci',
      name: "Communauté d'agglomération du Pays de Grasse",
    });
    expect(organisation.status).toBe(201);
    const members = await observateur.get(`/api/spaces/${spaceId}/members`);
    expect(members.status).toBe(200);
    expect(members.body).toHaveLength(3);
    const member = members.body.find((m: { accountId: string }) => m.accountId === contributeur.account!.id);
    expect(member).toMatchObject({ role: 'contributeur', organisation: { kind: 'collectivite' } });
  });
});
