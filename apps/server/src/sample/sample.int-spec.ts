import { ApiClient, addMember, buildSpace } from '../../testing/api-client.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';

async function expectStatus(response: Promise<{ status: number; body: any }>, status: number) {
  const r = await response;
  if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Four poles of the owner's scope along the grid, and one of an outsider's. */
const PROFILES = {
  p1: {
    collectiviteLevels: ['region', 'commune'],
    collectiviteServices: ['economy'],
    legalForm: 'association',
    stage: 'prefiguration',
    perimeter: 'intercommunality',
    implantation: 'rural',
    memberStructureCount: 5,
    structureKinds: ['social_economy', 'private'],
    sectors: ['environment'],
    activityNatures: ['goods_and_services'],
  },
  p2: {
    collectiviteLevels: ['department'],
    collectiviteServices: ['social_economy'],
    legalForm: 'cooperative',
    stage: 'development',
    perimeter: 'department',
    implantation: 'periurban',
    memberStructureCount: 14,
    structureKinds: ['public'],
    sectors: ['social', 'culture'],
    activityNatures: ['training'],
  },
  p3: {
    collectiviteLevels: ['region', 'epci'],
    collectiviteServices: ['economy', 'employment_inclusion'],
    legalForm: 'association',
    stage: 'seeding',
    perimeter: 'pays_parc',
    implantation: 'rural',
    memberStructureCount: 30,
    structureKinds: ['research'],
    sectors: ['services'],
    activityNatures: ['skills_management'],
  },
  // Little filled in: a stage and a sector.
  p4: { stage: 'sustainability', sectors: ['industry'] },
  // The outsider's: the only urban pole, and the only state-funded one.
  p5: { implantation: 'urban', collectiviteLevels: ['state'], sectors: ['industry'], legalForm: 'cooperative' },
} as const;
type PoleKey = keyof typeof PROFILES;
/** Money of each pole's one funding line (cents). */
const AMOUNTS: Record<PoleKey, number> = { p1: 10_000, p2: 20_000, p3: 40_000, p4: 80_000, p5: 160_000 };

interface Coverage {
  scopePoleCount: number;
  wholeScope: boolean;
  poles: { id: string; name: string }[];
  setPoleCount: number;
  ignoredPoleIds: string[];
  fields: { field: string; values: { value: string; poles: number; scopePoles: number }[]; unknown: number }[];
  gaps: { field: string; value: string }[];
  suggestions: { pole: { id: string; name: string }; fills: { field: string; value: string }[] }[];
}

const count = (c: Coverage, field: string, value: string) => c.fields.find((f) => f.field === field)!.values.find((v) => v.value === value)!;

describe('sample builder (real PostgreSQL, through the HTTP API)', () => {
  let t: TestApp;
  let owner: ApiClient;
  let outsider: ApiClient;
  const pole = {} as Record<PoleKey, string>;
  const space = {} as Record<PoleKey, string>;

  beforeAll(async () => {
    t = await startTestApp();
    owner = new ApiClient(t.url);
    outsider = new ApiClient(t.url);
    await Promise.all([owner.signUp(), outsider.signUp()]);
    for (const key of Object.keys(PROFILES) as PoleKey[]) {
      const client = key === 'p5' ? outsider : owner;
      space[key] = await buildSpace(client, { poleName: `Pôle ${key.toUpperCase()}` });
      const view = await expectStatus(client.patch(`/api/spaces/${space[key]}/pole`, PROFILES[key]), 200);
      pole[key] = view.id;
      const funder = await expectStatus(client.post('/api/organisations', { kind: 'collectivite', collectiviteLevel: 'region', name: `Région ${key}` }), 201);
      const project = await expectStatus(client.post(`/api/spaces/${space[key]}/projects`, { title: `Projet ${key}` }), 201);
      await expectStatus(
        client.post(`/api/spaces/${space[key]}/projects/${project.id}/funding-lines`, {
          funderId: funder.id,
          funderLevel: 'region',
          year: 2024,
          amountCents: AMOUNTS[key],
          kind: 'operating',
          status: 'secured',
        }),
        201,
      );
    }
  }, 120_000);
  afterAll(() => t.close());

  it("counts each value of the grid over the caller's whole scope, with what nobody covers", async () => {
    const c: Coverage = await expectStatus(owner.post('/api/sample/coverage', {}), 200);
    expect(c).toMatchObject({ scopePoleCount: 4, setPoleCount: 4, wholeScope: true, poles: [], ignoredPoleIds: [], suggestions: [] });
    expect(count(c, 'implantation', 'rural')).toEqual({ value: 'rural', poles: 2, scopePoles: 2 });
    expect(count(c, 'implantation', 'periurban')).toMatchObject({ poles: 1 });
    // The outsider's urban pole is not in the scope: nobody covers « Urbaine », and nobody could.
    expect(count(c, 'implantation', 'urban')).toEqual({ value: 'urban', poles: 0, scopePoles: 0 });
    expect(c.fields.find((f) => f.field === 'implantation')!.unknown).toBe(1);
    expect(count(c, 'collectivite_levels', 'region')).toMatchObject({ poles: 2 });
    expect(count(c, 'collectivite_levels', 'state')).toMatchObject({ poles: 0 });
    expect(count(c, 'size', 'small')).toMatchObject({ poles: 1 });
    expect(count(c, 'size', 'medium')).toMatchObject({ poles: 1 });
    expect(count(c, 'size', 'large')).toMatchObject({ poles: 1 });
    expect(count(c, 'size', 'very_large')).toMatchObject({ poles: 0 });
    expect(count(c, 'sectors', 'industry')).toMatchObject({ poles: 1 });
    expect(c.gaps).toEqual(
      expect.arrayContaining([
        { field: 'implantation', value: 'urban' },
        { field: 'collectivite_levels', value: 'state' },
        { field: 'size', value: 'very_large' },
      ]),
    );
    // Every value of every field is listed, gaps or not; a gap is exactly a value with no pole.
    expect(c.fields.map((f) => f.field)).toEqual([
      'collectivite_levels',
      'collectivite_services',
      'legal_form',
      'stage',
      'perimeter',
      'implantation',
      'size',
      'structure_kinds',
      'sectors',
      'activity_natures',
    ]);
    const zeros = c.fields.flatMap((f) => f.values.filter((v) => v.poles === 0).map((v) => ({ field: f.field, value: v.value })));
    expect(c.gaps).toEqual(zeros);
  });

  it('covers a hand-picked set and suggests poles of the scope that fill its gaps, most first', async () => {
    const c: Coverage = await expectStatus(owner.post('/api/sample/coverage', { poleIds: [pole.p1, pole.p3] }), 200);
    expect(c).toMatchObject({ scopePoleCount: 4, setPoleCount: 2, wholeScope: false, ignoredPoleIds: [] });
    expect(c.poles.map((p) => p.name)).toEqual(['Pôle P1', 'Pôle P3']);
    expect(count(c, 'collectivite_levels', 'region')).toEqual({ value: 'region', poles: 2, scopePoles: 2 });
    expect(count(c, 'collectivite_levels', 'department')).toEqual({ value: 'department', poles: 0, scopePoles: 1 });
    expect(count(c, 'legal_form', 'cooperative')).toMatchObject({ poles: 0, scopePoles: 1 });
    expect(c.gaps).toContainEqual({ field: 'collectivite_levels', value: 'department' });
    expect(c.gaps).toContainEqual({ field: 'stage', value: 'sustainability' });
    // P2 fills eleven gaps, then P4 the two left that a pole of the scope has; nothing of the outsider's.
    expect(c.suggestions.map((s) => [s.pole.name, s.fills.length])).toEqual([
      ['Pôle P2', 11],
      ['Pôle P4', 2],
    ]);
    // In the grid's order.
    expect(c.suggestions[1].fills).toEqual([
      { field: 'stage', value: 'sustainability' },
      { field: 'sectors', value: 'industry' },
    ]);
    const suggested = new Set(c.suggestions.map((s) => s.pole.id));
    expect(suggested.has(pole.p5)).toBe(false);
    // Accepting the suggestions fills every gap a pole of the scope could fill.
    const filled: Coverage = await expectStatus(owner.post('/api/sample/coverage', { poleIds: [pole.p1, pole.p3, pole.p2, pole.p4] }), 200);
    expect(filled.suggestions).toEqual([]);
    expect(filled.gaps.every((g) => count(filled, g.field, g.value).scopePoles === 0)).toBe(true);
  });

  it('ignores, and names, the poles of a set that are outside the scope', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const c: Coverage = await expectStatus(owner.post('/api/sample/coverage', { poleIds: [pole.p1, pole.p5, unknown] }), 200);
    expect(c.ignoredPoleIds).toEqual([pole.p5, unknown]);
    expect(c.setPoleCount).toBe(1);
    expect(count(c, 'implantation', 'urban')).toMatchObject({ poles: 0 });
    expect(c.poles.map((p) => p.id)).toEqual([pole.p1]);
    // The outsider's scope is their one pole: the owner's poles are never suggested to them.
    const theirs: Coverage = await expectStatus(outsider.post('/api/sample/coverage', { poleIds: [pole.p5, pole.p1] }), 200);
    expect(theirs).toMatchObject({ scopePoleCount: 1, setPoleCount: 1, ignoredPoleIds: [pole.p1], suggestions: [] });
    expect((await owner.post('/api/sample/coverage', { poleIds: ['not-a-uuid'] })).status).toBe(400);
  });

  it('searches the poles of the scope only', async () => {
    const found = await expectStatus(owner.get('/api/sample/poles?q=p%C3%B4le&limit=10'), 200);
    expect(found.total).toBe(4);
    expect(found.poles.map((p: { name: string }) => p.name)).toEqual(['Pôle P1', 'Pôle P2', 'Pôle P3', 'Pôle P4']);
    expect((await expectStatus(owner.get('/api/sample/poles?q=P5'), 200)).total).toBe(0);
  });

  it('saves named selections private to their owner, refusing a pole outside the scope', async () => {
    const refused = await owner.post('/api/sample/selections', { name: 'Échantillon refusé', poleIds: [pole.p1, pole.p5] });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('pole_outside_scope');
    expect(refused.body.issues).toEqual([{ path: 'poleIds.1', message: expect.stringContaining(pole.p5) }]);
    expect(await expectStatus(owner.get('/api/sample/selections'), 200)).toEqual([]);

    const saved = await expectStatus(owner.post('/api/sample/selections', { name: 'Échantillon de l’étude', poleIds: [pole.p3, pole.p1] }), 201);
    expect(saved).toMatchObject({ name: 'Échantillon de l’étude', poleCount: 2, outOfScopeCount: 0 });
    expect(saved.poles.map((p: { name: string }) => p.name)).toEqual(['Pôle P1', 'Pôle P3']);
    expect((await owner.post('/api/sample/selections', { name: 'ÉCHANTILLON DE L’ÉTUDE', poleIds: [] })).body.code).toBe('selection_name_taken');
    expect(await expectStatus(owner.get('/api/sample/selections'), 200)).toEqual([
      { id: saved.id, name: 'Échantillon de l’étude', poleCount: 2, updatedAt: expect.any(String) },
    ]);

    // Another account: not listed, not readable, not changeable, not deletable (404: its existence does not leak).
    expect(await expectStatus(outsider.get('/api/sample/selections'), 200)).toEqual([]);
    expect((await outsider.get(`/api/sample/selections/${saved.id}`)).status).toBe(404);
    expect((await outsider.request('PUT', `/api/sample/selections/${saved.id}`, { name: 'Volée', poleIds: [] })).status).toBe(404);
    expect((await outsider.delete(`/api/sample/selections/${saved.id}`)).status).toBe(404);
    expect((await outsider.get(`/api/observatory/funding?selectionId=${saved.id}`)).status).toBe(404);
    for (const path of ['panorama', 'export?dataset=funding&format=json', 'map', 'indicators']) {
      expect((await outsider.get(`/api/observatory/${path}${path.includes('?') ? '&' : '?'}selectionId=${saved.id}`)).status).toBe(404);
      expect((await owner.get(`/api/observatory/${path}${path.includes('?') ? '&' : '?'}selectionId=${saved.id}`)).status).toBe(200);
    }
    expect((await owner.get('/api/sample/selections/nope')).status).toBe(400);
    expect((await expectStatus(owner.get(`/api/sample/selections/${saved.id}`), 200)).poleCount).toBe(2);
  });

  it('filters the observatory to a selection, exactly, and follows its changes', async () => {
    const selection = await expectStatus(owner.post('/api/sample/selections', { name: 'Filtre', poleIds: [pole.p1, pole.p3] }), 201);
    const all = await expectStatus(owner.get('/api/observatory/funding'), 200);
    expect(all.total.totalCents).toBe(AMOUNTS.p1 + AMOUNTS.p2 + AMOUNTS.p3 + AMOUNTS.p4);
    const filtered = await expectStatus(owner.get(`/api/observatory/funding?selectionId=${selection.id}`), 200);
    expect(filtered.total).toEqual({ totalCents: AMOUNTS.p1 + AMOUNTS.p3, projectCount: 2, medianCents: (AMOUNTS.p1 + AMOUNTS.p3) / 2 });
    expect((await expectStatus(owner.get(`/api/observatory/panorama?selectionId=${selection.id}`), 200)).totals.poles).toBe(2);
    const csv = await owner.get(`/api/observatory/export?dataset=funding_lines&format=json&selectionId=${selection.id}`);
    expect(csv.body.data.map((l: { pole: string }) => l.pole).sort()).toEqual(['Pôle P1', 'Pôle P3']);
    // With another filter too.
    const rural = await expectStatus(owner.get(`/api/observatory/funding?selectionId=${selection.id}&poleStage=seeding`), 200);
    expect(rural.total.totalCents).toBe(AMOUNTS.p3);

    // Changing the selection changes the (cached) figures at the next read.
    await expectStatus(owner.request('PUT', `/api/sample/selections/${selection.id}`, { name: 'Filtre', poleIds: [pole.p2, pole.p4] }), 200);
    expect((await expectStatus(owner.get(`/api/observatory/funding?selectionId=${selection.id}`), 200)).total.totalCents).toBe(AMOUNTS.p2 + AMOUNTS.p4);
    expect((await owner.get('/api/observatory/funding?selectionId=00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await owner.get('/api/observatory/funding?selectionId=abc')).status).toBe(400);

    await expectStatus(owner.delete(`/api/sample/selections/${selection.id}`), 204);
    expect((await owner.get(`/api/observatory/funding?selectionId=${selection.id}`)).status).toBe(404);
  });

  it("keeps a pole that left the owner's scope in the selection, ignored by every figure and said so", async () => {
    const member = new ApiClient(t.url);
    await member.signUp();
    await addMember(owner, space.p1, member, 'observateur');
    await addMember(owner, space.p2, member, 'observateur');
    const selection = await expectStatus(member.post('/api/sample/selections', { name: 'Mes pôles', poleIds: [pole.p1, pole.p2] }), 201);
    expect((await expectStatus(member.get(`/api/observatory/funding?selectionId=${selection.id}`), 200)).total.totalCents).toBe(AMOUNTS.p1 + AMOUNTS.p2);

    await expectStatus(owner.delete(`/api/spaces/${space.p1}/members/${member.account!.id}`), 204);
    const view = await expectStatus(member.get(`/api/sample/selections/${selection.id}`), 200);
    expect(view).toMatchObject({ poleCount: 1, outOfScopeCount: 1 });
    expect(view.poles.map((p: { id: string }) => p.id)).toEqual([pole.p2]);
    expect((await expectStatus(member.get('/api/sample/selections'), 200))[0].poleCount).toBe(1);
    expect((await expectStatus(member.get(`/api/observatory/funding?selectionId=${selection.id}`), 200)).total.totalCents).toBe(AMOUNTS.p2);
    const c: Coverage = await expectStatus(member.post('/api/sample/coverage', { poleIds: [pole.p1, pole.p2] }), 200);
    expect(c).toMatchObject({ setPoleCount: 1, ignoredPoleIds: [pole.p1] });
  });
});
