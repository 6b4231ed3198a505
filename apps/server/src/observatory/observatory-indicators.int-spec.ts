import { parseCsv } from '@concerto/domain';
import { ApiClient, addMember, buildSpace } from '../../testing/api-client.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';

type YearFigure = { year: number; total: number; medianPerPole: number | null; poles: number; projects: number };
type View = { indicators: { kind: string; headline: string; years: YearFigure[] }[] };

/**
 * The projects' indicators rolled up by year in the observatory (real PostgreSQL, through the HTTP API): a project's
 * value for a year is its latest measure of that year (the trigger-kept rollup), a pole's the sum of its projects', the
 * scope's total the sum and its median the median over the poles; the caller's scope and filters apply as everywhere.
 */
describe('observatory indicators over time (real PostgreSQL)', () => {
  let t: TestApp;
  let owner: ApiClient;
  let outsider: ApiClient;
  let member: ApiClient;
  const spaces: string[] = [];
  const projects: Record<string, { spaceId: string; id: string }> = {};
  const measures: Record<string, string> = {};

  const years = (view: View, kind: string) => view.indicators.find((i) => i.kind === kind)!.years;
  const measure = async (project: string, kind: string, measuredOn: string, value: number, extra: Record<string, string> = {}) => {
    const { spaceId, id } = projects[project];
    const response = await owner.post(`/api/spaces/${spaceId}/projects/${id}/indicators`, { kind, measuredOn, value, ...extra });
    expect(response.status).toBe(201);
    return response.body.id as string;
  };

  beforeAll(async () => {
    t = await startTestApp();
    owner = new ApiClient(t.url);
    outsider = new ApiClient(t.url);
    member = new ApiClient(t.url);
    await Promise.all([owner.signUp(), outsider.signUp(), member.signUp()]);
    for (const pole of ['Pôle Azur', 'Pôle Bocage', 'Pôle Causses']) spaces.push(await buildSpace(owner, { poleName: pole }));
    const layout: [string, number][] = [
      ['p1', 0],
      ['p2', 0],
      ['p3', 1],
      ['p4', 2],
    ];
    for (const [name, space] of layout) {
      const created = await owner.post(`/api/spaces/${spaces[space]}/projects`, { title: `Projet ${name}` });
      projects[name] = { spaceId: spaces[space], id: created.body.id };
    }
    await measure('p1', 'jobs_created', '2024-03-01', 2);
    measures.p1Late2024 = await measure('p1', 'jobs_created', '2024-11-30', 5);
    await measure('p1', 'jobs_created', '2025-06-30', 7);
    await measure('p2', 'jobs_created', '2024-06-30', 3);
    await measure('p3', 'jobs_created', '2024-12-31', 4);
    await measure('p4', 'jobs_created', '2024-05-01', 10);
    await measure('p1', 'fte', '2024-12-31', 1.5);
    await measure('p3', 'fte', '2024-12-31', 2);
    await measure('p4', 'fte', '2024-12-31', 0.5);
    await measure('p2', 'budget', '2024-12-31', 12500.5);
    await measure('p1', 'custom', '2024-12-31', 99, { label: 'Tonnes collectées', unit: 't' });
  }, 120_000);
  afterAll(() => t.close());

  it('sums the latest measure of each year per pole, with the median over the poles', async () => {
    const response = await owner.get('/api/observatory/indicators');
    expect(response.status).toBe(200);
    expect(response.body.indicators.map((i: { kind: string }) => i.kind)).toEqual([
      'jobs_created',
      'fte',
      'structures_involved',
      'people_in_insertion',
      'turnover',
      'budget',
    ]);
    // Pôle Azur: 5 (p1's latest of 2024, not 2) + 3 = 8; Bocage 4; Causses 10.
    expect(years(response.body, 'jobs_created')).toEqual([
      { year: 2024, total: 22, medianPerPole: 8, poles: 3, projects: 4 },
      { year: 2025, total: 7, medianPerPole: 7, poles: 1, projects: 1 },
    ]);
    expect(years(response.body, 'fte')).toEqual([{ year: 2024, total: 4, medianPerPole: 1.5, poles: 3, projects: 3 }]);
    expect(response.body.indicators.find((i: { kind: string }) => i.kind === 'fte').headline).toBe('median');
    expect(years(response.body, 'budget')).toEqual([{ year: 2024, total: 12500.5, medianPerPole: 12500.5, poles: 1, projects: 1 }]);
    expect(years(response.body, 'turnover')).toEqual([]);
    // The period applies; a wrong one is refused.
    expect(years((await owner.get('/api/observatory/indicators?from=2025')).body, 'jobs_created')).toEqual([
      { year: 2025, total: 7, medianPerPole: 7, poles: 1, projects: 1 },
    ]);
    expect((await owner.get('/api/observatory/indicators?from=2026&to=2025')).status).toBe(400);
  });

  it('follows every change at once: a measure removed, a project moved to another stage', async () => {
    const { spaceId, id } = projects.p1;
    expect((await owner.delete(`/api/spaces/${spaceId}/projects/${id}/indicators/${measures.p1Late2024}`)).status).toBe(204);
    // p1's 2024 value falls back to its earlier measure (2): Azur 5, total 19, median of 4, 5, 10.
    expect(years((await owner.get('/api/observatory/indicators')).body, 'jobs_created')[0]).toEqual({
      year: 2024,
      total: 19,
      medianPerPole: 5,
      poles: 3,
      projects: 4,
    });
    const p4 = (await owner.get(`/api/spaces/${projects.p4.spaceId}/projects/${projects.p4.id}`)).body;
    expect((await owner.patch(`/api/spaces/${projects.p4.spaceId}/projects/${projects.p4.id}`, { version: p4.version, stage: 'development' })).status).toBe(
      200,
    );
    expect(years((await owner.get('/api/observatory/indicators?projectStage=development')).body, 'jobs_created')).toEqual([
      { year: 2024, total: 10, medianPerPole: 10, poles: 1, projects: 1 },
    ]);
    // The rollup kept by the triggers is what a rebuild from the raw measures gives.
    const rollup = () => t.dataSource.query(`SELECT project_id, kind, year, value::float8 FROM observatory_indicator_rollup ORDER BY 1, 2, 3`);
    const kept = await rollup();
    await t.dataSource.query(`SELECT observatory_indicator_rebuild()`);
    expect(await rollup()).toEqual(kept);
    // One row per project, indicator and year; the custom indicator is not rolled up.
    expect(kept).toHaveLength(9);
  });

  it('computes only over what the caller may read', async () => {
    const nothing = (await outsider.get('/api/observatory/indicators')).body as View;
    expect(nothing.indicators.every((i) => i.years.length === 0)).toBe(true);
    const outsiderCsv = parseCsv((await outsider.get('/api/observatory/export?dataset=indicators_by_pole')).body);
    expect(outsiderCsv.rows).toEqual([]);
    await addMember(owner, spaces[1], member, 'observateur');
    expect(years((await member.get('/api/observatory/indicators')).body, 'jobs_created')).toEqual([
      { year: 2024, total: 4, medianPerPole: 4, poles: 1, projects: 1 },
    ]);
    // Narrowed to spaces of their own only: another space's id counts nothing.
    expect(years((await member.get(`/api/observatory/indicators?spaceIds=${spaces[0]}`)).body, 'jobs_created')).toEqual([]);
    expect((await new ApiClient(t.url).get('/api/observatory/indicators')).status).toBe(401);
  });

  it('exports the indicators by year and by pole as open data (codes with French labels, decimal comma)', async () => {
    const scope = await owner.get('/api/observatory/export?dataset=indicators&format=csv');
    expect(scope.status).toBe(200);
    expect(scope.headers.get('content-type')).toContain('text/csv');
    expect(scope.headers.get('content-disposition')).toContain('concerto-observatoire-indicators.csv');
    const table = parseCsv(scope.body);
    expect(table.delimiter).toBe(';');
    expect(table.header).toEqual([
      'indicateur',
      'indicateur_libelle',
      'annee',
      'total',
      'mediane_par_pole',
      'nb_poles',
      'nb_projets',
      'figure_principale',
      'figure_principale_libelle',
    ]);
    const cells = table.rows.map((r) => r.cells);
    expect(cells).toContainEqual(['jobs_created', 'Emplois créés', '2024', '19', '5', '3', '4', 'total', 'Total']);
    expect(cells).toContainEqual(['fte', 'Équivalents temps plein (ETP)', '2024', '4', '1,5', '3', '3', 'mediane', 'Médiane par pôle']);
    expect(cells).toContainEqual(['budget', 'Budget (€)', '2024', '12500,50', '12500,50', '1', '1', 'total', 'Total']);

    const byPole = parseCsv((await owner.get('/api/observatory/export?dataset=indicators_by_pole&format=csv')).body);
    expect(byPole.header).toEqual(['pole', 'territoire', 'indicateur', 'indicateur_libelle', 'annee', 'valeur', 'nb_projets']);
    expect(byPole.rows.map((r) => r.cells).filter((c) => c[2] === 'jobs_created')).toEqual([
      ['Pôle Azur', 'Territoire de test', 'jobs_created', 'Emplois créés', '2024', '5', '2'],
      ['Pôle Azur', 'Territoire de test', 'jobs_created', 'Emplois créés', '2025', '7', '1'],
      ['Pôle Bocage', 'Territoire de test', 'jobs_created', 'Emplois créés', '2024', '4', '1'],
      ['Pôle Causses', 'Territoire de test', 'jobs_created', 'Emplois créés', '2024', '10', '1'],
    ]);
    const json = await owner.get('/api/observatory/export?dataset=indicators&format=json');
    expect(json.body.dataset).toBe('indicators');
    expect(years(json.body.data, 'jobs_created')[0].total).toBe(19);
  });

  it('lists one indicator per pole and year, in the French order of the poles, within the scope', async () => {
    const response = await owner.get('/api/observatory/indicators/poles?kind=jobs_created&limit=2');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      kind: 'jobs_created',
      total: 3,
      poles: [
        {
          poleId: expect.any(String),
          pole: 'Pôle Azur',
          territory: 'Territoire de test',
          years: [
            { year: 2024, value: 5, projects: 2 },
            { year: 2025, value: 7, projects: 1 },
          ],
        },
        { poleId: expect.any(String), pole: 'Pôle Bocage', territory: 'Territoire de test', years: [{ year: 2024, value: 4, projects: 1 }] },
      ],
    });
    expect((await member.get('/api/observatory/indicators/poles?kind=jobs_created')).body.poles.map((p: { pole: string }) => p.pole)).toEqual(['Pôle Bocage']);
    expect((await outsider.get('/api/observatory/indicators/poles?kind=fte')).body).toEqual({ kind: 'fte', total: 0, poles: [] });
    expect((await owner.get('/api/observatory/indicators/poles?kind=custom')).status).toBe(400);
    expect((await owner.get('/api/observatory/indicators/poles')).status).toBe(400);
  });

  it('shows the latest value of each indicator on the board card', async () => {
    const board = (await owner.get(`/api/spaces/${spaces[0]}/projects`)).body as { id: string; latestIndicators: unknown[] }[];
    expect(board.find((p) => p.id === projects.p1.id)!.latestIndicators).toEqual([
      { kind: 'jobs_created', label: '', unit: '', measuredOn: '2025-06-30', value: 7 },
      { kind: 'fte', label: '', unit: '', measuredOn: '2024-12-31', value: 1.5 },
      { kind: 'custom', label: 'Tonnes collectées', unit: 't', measuredOn: '2024-12-31', value: 99 },
    ]);
    expect(board.find((p) => p.id === projects.p2.id)!.latestIndicators).toEqual([
      { kind: 'jobs_created', label: '', unit: '', measuredOn: '2024-06-30', value: 3 },
      { kind: 'budget', label: '', unit: '', measuredOn: '2024-12-31', value: 12500.5 },
    ]);
  });
});
