import { MAP_POLES_LISTED_MAX, type ObservatoryMapView } from '@concerto/domain';
import { ApiClient, addMember, buildSpace } from '../../testing/api-client.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';

type Territory = ObservatoryMapView['territories'][number];

/**
 * The map's per-territory figures, checked against an independent computation in SQL over the raw funding lines of the
 * caller's spaces (real PostgreSQL, through the HTTP API): exact to the cent, the caller's scope only, the filters
 * applied, and the parts adding up to the panorama.
 */
describe('observatory map (real PostgreSQL, through the HTTP API)', () => {
  let t: TestApp;
  let owner: ApiClient;
  let outsider: ApiClient;
  const spaces: Record<string, string> = {};
  const funders: Record<string, string> = {};

  /** Money mobilised per territory, straight from the funding lines the account may read. */
  async function expectedMoney(accountId: string, column: 'region_code' | 'departement_code', where = 'true'): Promise<Map<string | null, number>> {
    const rows: { code: string | null; cents: string }[] = await t.dataSource.query(
      `SELECT po.${column} AS code, sum(f.amount_cents)::text AS cents
         FROM funding_line f JOIN project p ON p.id = f.project_id JOIN space s ON s.id = p.space_id JOIN pole po ON po.id = s.pole_id
        WHERE s.id IN (SELECT space_id FROM space_membership WHERE account_id = $1)
          AND f.status IN ('secured', 'paid') AND ${where}
        GROUP BY 1`,
      [accountId],
    );
    return new Map(rows.map((r) => [r.code, Number(r.cents)]));
  }

  async function fund(client: ApiClient, spaceId: string, projectId: string, level: string, year: number, amountCents: number, status = 'secured') {
    const response = await client.post(`/api/spaces/${spaceId}/projects/${projectId}/funding-lines`, {
      funderId: funders[level],
      funderLevel: level,
      year,
      amountCents,
      kind: 'operating',
      status,
    });
    expect(response.status).toBe(201);
  }

  beforeAll(async () => {
    t = await startTestApp();
    owner = new ApiClient(t.url);
    outsider = new ApiClient(t.url);
    await Promise.all([owner.signUp(), outsider.signUp()]);
    for (const level of ['region', 'commune', 'department']) {
      funders[level] = (await owner.post('/api/organisations', { kind: 'collectivite', collectiviteLevel: level, name: `Carte ${level}` })).body.id;
    }
    // Two poles in Bretagne (Ille-et-Vilaine, Finistère), one in Provence-Alpes-Côte d'Azur, one not located.
    const located: [string, Record<string, unknown>][] = [
      ['rennes', { departementCode: '35' }],
      ['brest', { departementCode: '29' }],
      ['marseille', { regionCode: '93', departementCode: '13' }],
      ['nowhere', {}],
    ];
    for (const [key, location] of located) {
      spaces[key] = await buildSpace(owner, { poleName: `Pôle ${key}` });
      if (Object.keys(location).length > 0) expect((await owner.patch(`/api/spaces/${spaces[key]}/pole`, location)).status).toBe(200);
    }
    const project = async (client: ApiClient, key: string) =>
      (await client.post(`/api/spaces/${spaces[key]}/projects`, { title: `Projet ${key}` })).body.id as string;
    const rennes = await project(owner, 'rennes');
    await fund(owner, spaces.rennes, rennes, 'region', 2024, 1_234_567);
    await fund(owner, spaces.rennes, rennes, 'commune', 2025, 250_001, 'paid');
    await fund(owner, spaces.rennes, rennes, 'region', 2025, 999_999, 'requested');
    const brest = await project(owner, 'brest');
    await fund(owner, spaces.brest, brest, 'department', 2024, 70_003);
    const marseille = await project(owner, 'marseille');
    await fund(owner, spaces.marseille, marseille, 'region', 2023, 500_000);
    await fund(owner, spaces.marseille, marseille, 'commune', 2024, 12_345);
    const nowhere = await project(owner, 'nowhere');
    await fund(owner, spaces.nowhere, nowhere, 'commune', 2024, 42_000);
    // Someone else's pole, in Ille-et-Vilaine too: never in the owner's figures.
    spaces.elsewhere = await buildSpace(outsider, { poleName: 'Pôle d’un autre' });
    await outsider.patch(`/api/spaces/${spaces.elsewhere}/pole`, { departementCode: '35' });
    const elsewhere = await project(outsider, 'elsewhere');
    funders.outsiderRegion = (
      await outsider.post('/api/organisations', { kind: 'collectivite', collectiviteLevel: 'region', name: 'Carte région autre' })
    ).body.id;
    const response = await outsider.post(`/api/spaces/${spaces.elsewhere}/projects/${elsewhere}/funding-lines`, {
      funderId: funders.outsiderRegion,
      funderLevel: 'region',
      year: 2024,
      amountCents: 7_777_777,
      kind: 'operating',
      status: 'paid',
    });
    expect(response.status).toBe(201);
  }, 120_000);
  afterAll(() => t.close());

  const byCode = (view: ObservatoryMapView) => new Map(view.territories.map((territory) => [territory.code, territory]));
  const presence = (territory: Pick<Territory, 'levelPresence'>, level: string) => territory.levelPresence.find((p) => p.level === level)?.poles;

  it('records where a pole is: the région follows its département', async () => {
    const pole = (await owner.get(`/api/spaces/${spaces.rennes}`)).body.pole;
    expect(pole).toMatchObject({ regionCode: '53', departementCode: '35' });
    const wrong = await owner.patch(`/api/spaces/${spaces.brest}/pole`, { regionCode: '93', departementCode: '29' });
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.body.issues)).toContain('departementCode');
    expect((await owner.patch(`/api/spaces/${spaces.brest}/pole`, { departementCode: '999' })).status).toBe(400);
    expect((await owner.get(`/api/spaces/${spaces.brest}`)).body.pole).toMatchObject({ regionCode: '53', departementCode: '29' });
  });

  it('gives each région its poles, money mobilised and presence of levels, exact to the cent', async () => {
    const response = await owner.get('/api/observatory/map');
    expect(response.status).toBe(200);
    const view: ObservatoryMapView = response.body;
    expect(view.mesh).toBe('region');
    const expected = await expectedMoney(owner.account!.id, 'region_code');
    const regions = byCode(view);
    expect([...regions.keys()]).toEqual(['53', '93']);
    expect(regions.get('53')).toMatchObject({ poles: 2, mobilisedCents: 1_234_567 + 250_001 + 70_003 });
    expect(regions.get('53')!.mobilisedCents).toBe(expected.get('53'));
    expect(regions.get('93')).toMatchObject({ poles: 1, mobilisedCents: expected.get('93') });
    expect(view.unlocated).toMatchObject({ poles: 1, mobilisedCents: 42_000 });
    expect(presence(regions.get('53')!, 'region')).toBe(1);
    expect(presence(regions.get('53')!, 'department')).toBe(1);
    expect(presence(regions.get('53')!, 'commune')).toBe(1);
    expect(presence(regions.get('93')!, 'region')).toBe(1);
    expect(view.poles.map((p) => [p.name, p.regionCode, p.departementCode])).toEqual([
      ['Pôle brest', '53', '29'],
      ['Pôle marseille', '93', '13'],
      ['Pôle nowhere', null, null],
      ['Pôle rennes', '53', '35'],
    ]);
  });

  it('adds up to the panorama', async () => {
    const view: ObservatoryMapView = (await owner.get('/api/observatory/map?mesh=departement')).body;
    const panorama = (await owner.get('/api/observatory/panorama')).body;
    const parts = [...view.territories, view.unlocated];
    expect(parts.reduce((sum, p) => sum + p.poles, 0)).toBe(panorama.totals.poles);
    expect(parts.reduce((sum, p) => sum + p.mobilisedCents, 0)).toBe(panorama.totals.mobilisedCents);
    const expected = await expectedMoney(owner.account!.id, 'departement_code');
    for (const territory of view.territories) expect(territory.mobilisedCents).toBe(expected.get(territory.code));
    expect(view.territories.map((d) => d.code)).toEqual(['13', '29', '35']);
  });

  it('applies the filters: period, level, statuses, région and département', async () => {
    const in2024: ObservatoryMapView = (await owner.get('/api/observatory/map?from=2024&to=2024')).body;
    const expected = await expectedMoney(owner.account!.id, 'region_code', 'f.year = 2024');
    expect(byCode(in2024).get('53')!.mobilisedCents).toBe(expected.get('53'));
    expect(byCode(in2024).get('93')!.mobilisedCents).toBe(12_345);
    const regionLevel: ObservatoryMapView = (await owner.get('/api/observatory/map?level=region')).body;
    expect(byCode(regionLevel).get('53')).toMatchObject({ mobilisedCents: 1_234_567, levelPresence: [{ level: 'region', poles: 1 }] });
    const requested: ObservatoryMapView = (await owner.get('/api/observatory/map?statuses=requested')).body;
    expect(byCode(requested).get('53')!.mobilisedCents).toBe(999_999);
    const bretagne: ObservatoryMapView = (await owner.get('/api/observatory/map?mesh=departement&region=53')).body;
    expect(bretagne.territories.map((d) => [d.code, d.poles])).toEqual([
      ['29', 1],
      ['35', 1],
    ]);
    expect(bretagne.unlocated.poles).toBe(0);
    expect(bretagne.poles.map((p) => p.name)).toEqual(['Pôle brest', 'Pôle rennes']);
    // The other figures follow the same territory filter.
    const funding = (await owner.get('/api/observatory/funding?departement=35')).body;
    expect(funding.total.totalCents).toBe(1_234_567 + 250_001);
    expect((await owner.get('/api/observatory/panorama?region=93')).body.totals).toMatchObject({ poles: 1, mobilisedCents: 512_345 });
    expect((await owner.get('/api/observatory/map?mesh=commune')).status).toBe(400);
    expect((await owner.get('/api/observatory/map?region=99')).status).toBe(400);
  });

  it('computes only over what the caller may read, and follows a change of location', async () => {
    const outsiders: ObservatoryMapView = (await outsider.get('/api/observatory/map')).body;
    expect(outsiders.territories).toEqual([expect.objectContaining({ code: '53', poles: 1, mobilisedCents: 7_777_777 })]);
    expect(outsiders.poles.map((p) => p.name)).toEqual(['Pôle d’un autre']);
    // Once a member of the Rennes space, the outsider sees that pole too, in the same région.
    await addMember(owner, spaces.rennes, outsider, 'observateur');
    const after: ObservatoryMapView = (await outsider.get('/api/observatory/map')).body;
    expect(byCode(after).get('53')).toMatchObject({ poles: 2, mobilisedCents: 7_777_777 + 1_234_567 + 250_001 });
    // A pole moved to another région moves its figures (the cached map is not served after the change).
    await owner.patch(`/api/spaces/${spaces.rennes}/pole`, { regionCode: '11' });
    expect((await owner.get(`/api/spaces/${spaces.rennes}`)).body.pole).toMatchObject({ regionCode: '11', departementCode: null });
    const moved = byCode((await outsider.get('/api/observatory/map')).body);
    expect(moved.get('11')).toMatchObject({ poles: 1, mobilisedCents: 1_234_567 + 250_001 });
    expect(moved.get('53')).toMatchObject({ poles: 1, mobilisedCents: 7_777_777 });
    expect((await new ApiClient(t.url).get('/api/observatory/map')).status).toBe(401);
  });
  it('leaves the poles out of the map of France when they are many, and lists them once a territory is chosen', async () => {
    const many = new ApiClient(t.url);
    await many.signUp();
    const count = MAP_POLES_LISTED_MAX + 1;
    // More poles than the map of France places, in Bretagne (one in each département of it), one space each.
    await t.dataSource.query(
      `WITH poles AS (
         INSERT INTO pole (name, territory, region_code, departement_code)
         SELECT 'Pôle nombreux ' || g, 'Territoire ' || g, '53', (ARRAY['22', '29', '35', '56'])[1 + g % 4] FROM generate_series(1, $2::int) g
         RETURNING id, name),
       spaces AS (INSERT INTO space (pole_id, title, created_by_id) SELECT id, 'Espace — ' || name, $1 FROM poles RETURNING id)
       INSERT INTO space_membership (space_id, account_id, role) SELECT id, $1, 'observateur' FROM spaces`,
      [many.account!.id, count],
    );
    const france: ObservatoryMapView = (await many.get('/api/observatory/map')).body;
    expect(france.territories).toEqual([expect.objectContaining({ code: '53', poles: count })]);
    expect(france.polesListed).toBe(false);
    expect(france.poles).toEqual([]);
    const bretagne: ObservatoryMapView = (await many.get('/api/observatory/map?region=53')).body;
    expect(bretagne.polesListed).toBe(true);
    expect(bretagne.poles).toHaveLength(count);
    expect(bretagne.territories.reduce((sum, d) => sum + d.poles, 0)).toBe(count);
    const finistere: ObservatoryMapView = (await many.get('/api/observatory/map?mesh=departement&departement=29')).body;
    expect(finistere.polesListed).toBe(true);
    expect(finistere.poles.map((p) => p.departementCode)).toEqual(Array(finistere.territories[0].poles).fill('29'));
    // A few poles are placed on the map of France.
    expect(((await owner.get('/api/observatory/map')).body as ObservatoryMapView).polesListed).toBe(true);
  });
  it('after a write in one territory, changes that territory only, exact to the cent', async () => {
    const before = {
      region: byCode((await owner.get('/api/observatory/map')).body),
      departement: byCode((await owner.get('/api/observatory/map?mesh=departement')).body),
    };
    const projectId = (await owner.post(`/api/spaces/${spaces.marseille}/projects`, { title: 'Projet ajouté' })).body.id as string;
    await fund(owner, spaces.marseille, projectId, 'region', 2024, 1_001);
    for (const [mesh, column, code] of [
      ['region', 'region_code', '93'],
      ['departement', 'departement_code', '13'],
    ] as const) {
      const after = byCode((await owner.get(`/api/observatory/map?mesh=${mesh}`)).body);
      const expected = await expectedMoney(owner.account!.id, column);
      expect(after.get(code)!.mobilisedCents).toBe(before[mesh].get(code)!.mobilisedCents + 1_001);
      for (const [other, figures] of after) {
        expect(figures.mobilisedCents).toBe(expected.get(other));
        if (other !== code) expect(figures).toEqual(before[mesh].get(other));
      }
    }
  });
});
