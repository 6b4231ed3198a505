import { ApiClient, addMember, buildSpace } from '../../testing/api-client.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';

/**
 * The pole profile (and the collectivités' relations with the pole) is shown in every space of the pole: it is changed
 * by the animateurs of the pole's spaces and by the contributeurs of its main space, never by a contributeur of a
 * side space.
 */
describe('who may change a pole profile shared by several spaces', () => {
  let t: TestApp;
  let founder: ApiClient;
  let mainContributor: ApiClient;
  let sideContributor: ApiClient;
  let sideAnimateur: ApiClient;
  let mainSpace: string;
  let sideSpace: string;
  let collectiviteId: string;

  beforeAll(async () => {
    t = await startTestApp();
    [founder, mainContributor, sideContributor, sideAnimateur] = [0, 1, 2, 3].map(() => new ApiClient(t.url));
    for (const c of [founder, mainContributor, sideContributor, sideAnimateur]) await c.signUp();
    mainSpace = await buildSpace(founder, { title: 'Concertation Ôkhra', poleName: 'Ôkhra' });
    const poleId = (await founder.get(`/api/spaces/${mainSpace}`)).body.pole.id as string;
    sideSpace = (await founder.post('/api/spaces', { title: 'Groupe de travail tourisme', pole: { id: poleId } })).body.id as string;
    await addMember(founder, mainSpace, mainContributor, 'contributeur');
    await addMember(founder, sideSpace, sideContributor, 'contributeur');
    await addMember(founder, sideSpace, sideAnimateur, 'animateur');
    collectiviteId = (await founder.post('/api/organisations', { kind: 'collectivite', collectiviteLevel: 'epci', name: 'Communauté de communes' })).body.id;
  });
  afterAll(() => t.close());

  it('tells each member whether they may change it', async () => {
    expect((await sideContributor.get(`/api/spaces/${sideSpace}`)).body.canEditPoleProfile).toBe(false);
    expect((await sideAnimateur.get(`/api/spaces/${sideSpace}`)).body.canEditPoleProfile).toBe(true);
    expect((await mainContributor.get(`/api/spaces/${mainSpace}`)).body.canEditPoleProfile).toBe(true);
    expect((await founder.get(`/api/spaces/${sideSpace}`)).body.canEditPoleProfile).toBe(true);
  });

  it('refuses a side space contributeur with a reason, and changes nothing', async () => {
    const before = (await founder.get(`/api/spaces/${mainSpace}`)).body.pole;
    const refused = await sideContributor.patch(`/api/spaces/${sideSpace}/pole`, { stage: 'sustainability' });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('pole_profile_reserved');
    expect(refused.body.message).toContain('espace principal');
    expect((await founder.get(`/api/spaces/${mainSpace}`)).body.pole).toEqual(before);
    const relation = await sideContributor.post(`/api/spaces/${sideSpace}/relations`, { organisationId: collectiviteId, year: 2024, evolution: 'widening' });
    expect(relation.status).toBe(403);
    expect((await founder.get(`/api/spaces/${mainSpace}/relations`)).body).toEqual([]);
  });

  it('lets the main space contributeur and a side space animateur change it, seen from every space', async () => {
    expect((await mainContributor.patch(`/api/spaces/${mainSpace}/pole`, { stage: 'development' })).status).toBe(200);
    expect((await sideContributor.get(`/api/spaces/${sideSpace}`)).body.pole.stage).toBe('development');
    expect((await sideAnimateur.patch(`/api/spaces/${sideSpace}/pole`, { stage: 'sustainability' })).status).toBe(200);
    expect((await mainContributor.get(`/api/spaces/${mainSpace}`)).body.pole.stage).toBe('sustainability');
    const relation = await sideAnimateur.post(`/api/spaces/${sideSpace}/relations`, { organisationId: collectiviteId, year: 2024, evolution: 'widening' });
    expect(relation.status).toBe(201);
    expect((await mainContributor.get(`/api/spaces/${mainSpace}/relations`)).body).toHaveLength(1);
  });
});
