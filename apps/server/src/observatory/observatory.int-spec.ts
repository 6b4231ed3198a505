import { fundingTable as pureFundingTable, type FunderLevel, FunderLevel as FunderLevels, parseCsv } from '@concerto/domain';
import { studyFundingPlan } from '../seed/study-funding-plan.js';
import { ApiClient, addMember, buildSpace } from '../../testing/api-client.js';
import { STUDY_YEAR, buildStudyTerritory } from '../../testing/study-territory.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';

const K = 100_000; // cents in a k€

describe('observatory (real PostgreSQL, through the HTTP API)', () => {
  let t: TestApp;
  let collectivite: ApiClient;
  let outsider: ApiClient;
  let territory: Awaited<ReturnType<typeof buildStudyTerritory>>;

  beforeAll(async () => {
    t = await startTestApp();
    collectivite = new ApiClient(t.url);
    outsider = new ApiClient(t.url);
    await Promise.all([collectivite.signUp(), outsider.signUp()]);
    territory = await buildStudyTerritory(collectivite);
  }, 120_000);
  afterAll(() => t.close());

  it("returns the study's funding table from the funding lines of the period", async () => {
    const response = await collectivite.get(`/api/observatory/funding?from=${STUDY_YEAR}&to=${STUDY_YEAR}`);
    expect(response.status).toBe(200);
    const row = (level: FunderLevel) => response.body.rows.find((r: { level: string }) => r.level === level);
    const inK = (level: FunderLevel) => ({ total: row(level).totalCents / K, projects: row(level).projectCount, median: row(level).medianCents / K });
    expect(inK('epci')).toEqual({ total: 796, projects: 20, median: 17 });
    expect(inK('department')).toEqual({ total: 333, projects: 15, median: 28 });
    expect(inK('region')).toEqual({ total: 1239, projects: 29, median: 10 });
    expect(inK('state')).toEqual({ total: 1008, projects: 24, median: 33 });
    expect(inK('europe')).toEqual({ total: 776, projects: 7, median: 70 });
    // Communes: the published 246 k€ over 16 projects cannot have a 30 k€ median (that needs ≥ 270 k€):
    // total and count are the study's, the median is what those amounts give.
    expect(inK('commune')).toMatchObject({ total: 246, projects: 16 });
    expect(Math.round(inK('commune').median)).toBe(26);
    expect(row('pnr_petr')).toEqual({ level: 'pnr_petr', totalCents: 0, projectCount: 0, medianCents: null });
    expect(response.body.total).toMatchObject({ totalCents: 4398 * K, projectCount: 29 });
    expect(response.body.period).toEqual({ from: STUDY_YEAR, to: STUDY_YEAR });
  });

  it('matches the pure aggregate function on the same lines', async () => {
    const lines = studyFundingPlan().flatMap(({ level, amounts }) => amounts.map((amountCents, i) => ({ projectId: `p${i}`, level, amountCents })));
    const expected = pureFundingTable(lines);
    const actual = (await collectivite.get(`/api/observatory/funding?from=${STUDY_YEAR}&to=${STUDY_YEAR}`)).body;
    expect(actual.rows).toEqual(expected.rows);
    expect(actual.total).toEqual(expected.total);
  });

  it('counts requested money and other years only when asked', async () => {
    const all = (await collectivite.get(`/api/observatory/funding?statuses=requested,secured,paid&from=${STUDY_YEAR - 1}`)).body;
    expect(all.rows.find((r: { level: string }) => r.level === 'europe').totalCents).toBe((776 + 99 + 50) * K);
    const requestedOnly = (await collectivite.get(`/api/observatory/funding?statuses=requested`)).body;
    expect(requestedOnly.total.totalCents).toBe(6 * 99 * K);
    expect((await collectivite.get(`/api/observatory/funding?statuses=given`)).status).toBe(400);
    expect((await collectivite.get(`/api/observatory/funding?from=2020&to=2010`)).status).toBe(400);
    expect((await collectivite.get(`/api/observatory/funding?level=region&from=${STUDY_YEAR}&to=${STUDY_YEAR}`)).body.total.totalCents).toBe(1239 * K);
  });

  it('computes only over what the caller may read', async () => {
    const nothing = (await outsider.get('/api/observatory/funding')).body;
    expect(nothing.total).toEqual({ totalCents: 0, projectCount: 0, medianCents: null });
    expect((await outsider.get('/api/observatory/panorama')).body.totals.poles).toBe(0);
    // Someone who belongs to one of the two spaces sees that space's projects only.
    await addMember(collectivite, territory.spaceIds[0], outsider, 'observateur');
    const part = (await outsider.get(`/api/observatory/funding?from=${STUDY_YEAR}&to=${STUDY_YEAR}`)).body;
    expect(part.total.projectCount).toBe(15);
    expect(part.total.totalCents).toBeLessThan(4398 * K);
    const viaSpace = (await collectivite.get(`/api/observatory/funding?from=${STUDY_YEAR}&to=${STUDY_YEAR}&spaceId=${territory.spaceIds[0]}`)).body;
    expect(viaSpace.total).toEqual(part.total);
    expect((await new ApiClient(t.url).get('/api/observatory/funding')).status).toBe(401);
  });

  it('matches the pure functions on random data', async () => {
    const owner = new ApiClient(t.url);
    await owner.signUp();
    const spaceId = await buildSpace(owner, { poleName: 'Pôle aléatoire' });
    const levels = FunderLevels.keys.filter((l) => l !== 'other');
    const funders: Record<string, string> = {};
    for (const level of levels) {
      funders[level] = (await owner.post('/api/organisations', { kind: 'collectivite', collectiviteLevel: level, name: `Aléatoire ${level}` })).body.id;
    }
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const projects: string[] = [];
    for (let i = 0; i < 9; i += 1) projects.push((await owner.post(`/api/spaces/${spaceId}/projects`, { title: `Aléatoire ${i}` })).body.id);
    const lines: { projectId: string; level: FunderLevel; amountCents: number }[] = [];
    for (let n = 0; n < 40; n += 1) {
      const projectId = projects[Math.floor(random() * projects.length)];
      const level = levels[Math.floor(random() * levels.length)];
      // Small integers make ties frequent.
      const amountCents = (1 + Math.floor(random() * 6)) * 50_000;
      const response = await owner.post(`/api/spaces/${spaceId}/projects/${projectId}/funding-lines`, {
        funderId: funders[level],
        funderLevel: level,
        year: 2020,
        amountCents,
        kind: 'operating',
        status: 'secured',
      });
      expect(response.status).toBe(201);
      lines.push({ projectId, level, amountCents });
    }
    const actual = (await owner.get('/api/observatory/funding')).body;
    const expected = pureFundingTable(lines);
    expect(actual.rows).toEqual(expected.rows);
    expect(actual.total).toEqual(expected.total);
    // Figures are cached per caller and query, but never served once the data changed.
    expect((await owner.get('/api/observatory/funding')).body).toEqual(actual);
    await owner.post(`/api/spaces/${spaceId}/projects/${projects[0]}/funding-lines`, {
      funderId: funders.region,
      funderLevel: 'region',
      year: 2020,
      amountCents: 123,
      kind: 'operating',
      status: 'paid',
    });
    expect((await owner.get('/api/observatory/funding')).body.total.totalCents).toBe(expected.total.totalCents + 123);
    await owner.patch(`/api/spaces/${spaceId}/pole`, { implantation: 'rural' });
    expect((await owner.get('/api/observatory/funding?implantation=rural')).body.total.totalCents).toBe(expected.total.totalCents + 123);
  });

  it('draws the panorama: totals, median profiles, presence of levels, collectivités per pole, relations', async () => {
    const owner = new ApiClient(t.url);
    await owner.signUp();
    const a = await buildSpace(owner, { poleName: 'Panorama A' });
    const b = await buildSpace(owner, { poleName: 'Panorama B' });
    const c = await buildSpace(owner, { poleName: 'Panorama C' });
    const thisYear = new Date().getUTCFullYear();
    await owner.patch(`/api/spaces/${a}/pole`, {
      foundedYear: thisYear - 4,
      cellBudgetCents: 150_000_00,
      cellSelfFinancedPercent: 30,
      cellFte: 1.5,
      employeeCount: 60,
      memberStructureCount: 20,
      consolidatedBudgetCents: 2_000_000_00,
      collectiviteLevels: ['region'],
    });
    await owner.patch(`/api/spaces/${b}/pole`, {
      foundedYear: thisYear - 8,
      cellBudgetCents: 250_000_00,
      cellSelfFinancedPercent: 50,
      cellFte: 2,
      employeeCount: 80,
      memberStructureCount: 30,
      consolidatedBudgetCents: 3_000_000_00,
    });
    await owner.patch(`/api/spaces/${c}/pole`, { implantation: 'rural', memberStructureCount: 10 });
    const org = async (level: string, name: string) =>
      (await owner.post('/api/organisations', { kind: 'collectivite', collectiviteLevel: level, name })).body.id;
    const [commune, epci, dept] = [
      await org('commune', 'Panorama commune'),
      await org('epci', 'Panorama EPCI'),
      await org('department', 'Panorama département'),
    ];
    const project = (await owner.post(`/api/spaces/${a}/projects`, { title: 'Projet panorama', partners: [{ organisationId: epci, role: 'partner' }] })).body;
    await owner.post(`/api/spaces/${a}/projects/${project.id}/funding-lines`, {
      funderId: commune,
      funderLevel: 'commune',
      year: 2024,
      amountCents: 1_000_000,
      kind: 'operating',
      status: 'paid',
    });
    expect((await owner.post(`/api/spaces/${b}/relations`, { organisationId: dept, year: 2024, evolution: 'weakening' })).status).toBe(400);
    expect(
      (await owner.post(`/api/spaces/${b}/relations`, { organisationId: dept, year: 2024, evolution: 'weakening', cause: 'Élections municipales' })).status,
    ).toBe(201);
    expect((await owner.post(`/api/spaces/${b}/relations`, { organisationId: dept, year: 2024, evolution: 'stable' })).body.code).toBe('relation_exists');
    expect((await owner.post(`/api/spaces/${b}/relations`, { organisationId: commune, year: 2025, evolution: 'widening' })).status).toBe(201);
    expect((await owner.post(`/api/spaces/${a}/relations`, { organisationId: epci, year: 2025, evolution: 'widening' })).status).toBe(201);

    const view = (await owner.get('/api/observatory/panorama')).body;
    expect(view.totals).toEqual({ poles: 3, jobs: 140, enterprises: 60, consolidatedBudgetCents: 5_000_000_00, mobilisedCents: 1_000_000 });
    expect(view.cellProfile.ageYears).toEqual({ median: 6, count: 2 });
    expect(view.cellProfile.budgetCents).toEqual({ median: 200_000_00, count: 2 });
    expect(view.cellProfile.selfFinancedPercent).toEqual({ median: 40, count: 2 });
    expect(view.cellProfile.fte).toEqual({ median: 1.75, count: 2 });
    expect(view.poleProfile.memberStructures).toEqual({ median: 20, count: 3 });
    const presence = Object.fromEntries(view.levelPresence.map((p: { level: string; share: number }) => [p.level, p.share]));
    // A: commune (funder), EPCI (partner and relation), région (declared); B: département, commune (relations).
    expect(presence).toMatchObject({ commune: 2 / 3, epci: 1 / 3, department: 1 / 3, region: 1 / 3, state: 0, europe: 0 });
    expect(view.collectiviteCounts).toEqual([
      { collectivites: 0, poles: 1 },
      { collectivites: 2, poles: 2 },
    ]);
    expect(view.twoToSixShare).toBeCloseTo(2 / 3);
    expect(view.relations.total).toEqual({ widening: 2, stable: 0, weakening: 1, pairs: 3 });
    expect(view.relations.byYear).toEqual([
      { year: 2024, widening: 0, stable: 0, weakening: 1 },
      { year: 2025, widening: 2, stable: 0, weakening: 0 },
    ]);
    expect(view.relations.weakeningCauses).toEqual([{ cause: 'Élections municipales', count: 1 }]);
    const rural = (await owner.get('/api/observatory/panorama?implantation=rural')).body;
    expect(rural.totals).toMatchObject({ poles: 1, enterprises: 10 });
  });

  it('downloads the datasets as CSV and JSON (open data)', async () => {
    const csv = await collectivite.request('GET', `/api/observatory/export?dataset=funding&format=csv&from=${STUDY_YEAR}&to=${STUDY_YEAR}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="concerto-observatoire-funding.csv"/);
    const table = parseCsv(csv.body as string);
    expect(table.header).toEqual(['niveau', 'collectivites', 'montants_mobilises_euros', 'nb_projets_soutenus', 'montant_median_euros']);
    expect(table.rows.find((r) => r.cells[0] === 'region')!.cells).toEqual(['region', 'Régions', '1239000,00', '29', '10000,00']);
    const json = await collectivite.get(`/api/observatory/export?dataset=funding_lines&format=json&from=${STUDY_YEAR}&to=${STUDY_YEAR}`);
    expect(json.status).toBe(200);
    expect(json.body.dataset).toBe('funding_lines');
    expect(json.body.data.reduce((sum: number, l: { amount_euros: number }) => sum + l.amount_euros, 0)).toBeCloseTo(4_398_000);
    const panorama = await collectivite.request('GET', '/api/observatory/export?dataset=panorama');
    expect(parseCsv(panorama.body as string).rows[0].cells).toEqual(['total', 'poles', 'Pôles', '2', '']);
    const lines = await collectivite.request('GET', `/api/observatory/export?dataset=funding_lines&format=csv&from=${STUDY_YEAR}&to=${STUDY_YEAR}`);
    const linesTable = parseCsv(lines.body as string);
    const column = (name: string) => linesTable.header.indexOf(name);
    expect(linesTable.header.slice(column('niveau'), column('niveau') + 4)).toEqual(['niveau', 'niveau_libelle', 'annee', 'montant_euros']);
    const euros = linesTable.rows.reduce((sum, r) => sum + Number(r.cells[column('montant_euros')].replace(',', '.')), 0);
    expect(linesTable.rows.every((r) => /^\d+,\d{2}$/.test(r.cells[column('montant_euros')]))).toBe(true);
    expect(euros).toBeCloseTo(4_398_000);
    expect((await collectivite.get('/api/observatory/export?dataset=secret')).status).toBe(400);
  });

  it('writes the pole’s région and département (code and French label) on every open funding line, and the file goes back in through the import', async () => {
    const [located, unlocated] = territory.spaceIds;
    expect((await collectivite.patch(`/api/spaces/${located}/pole`, { departementCode: '31' })).status).toBe(200);
    const lines = await collectivite.request('GET', `/api/observatory/export?dataset=funding_lines&format=csv&from=${STUDY_YEAR}&to=${STUDY_YEAR}`);
    expect(lines.status).toBe(200);
    const text = lines.body as string;
    // (fetch's text() drops the byte-order mark the file starts with.)
    expect(text.replace(/^\uFEFF/, '').startsWith('pole;territoire;region;region_libelle;departement;departement_libelle;projet;')).toBe(true);
    const { header, rows } = parseCsv(text);
    const place = (cells: string[]) => ['region', 'region_libelle', 'departement', 'departement_libelle'].map((c) => cells[header.indexOf(c)]);
    const byPole = new Map<string, string[][]>();
    for (const { cells } of rows) byPole.set(cells[0], [...(byPole.get(cells[0]) ?? []), place(cells)]);
    // Pôle repères A is in Haute-Garonne (Occitanie), B has no location: its cells are empty, not "null".
    expect([...byPole.keys()].sort()).toEqual(['Pôle repères A', 'Pôle repères B']);
    expect(new Set(byPole.get('Pôle repères A')!.map((p) => p.join('|')))).toEqual(new Set(['76|Occitanie|31|Haute-Garonne']));
    expect(new Set(byPole.get('Pôle repères B')!.map((p) => p.join('|')))).toEqual(new Set(['|||']));
    expect(rows.reduce((sum, r) => sum + Number(r.cells[header.indexOf('montant_euros')].replace(',', '.')), 0)).toBeCloseTo(4_398_000);

    // The same file for one space, every status: the space's import reads it as its own (the pole, its place and the
    // labels beside the codes are left be), each line valid.
    for (const spaceId of [located, unlocated]) {
      const own = await collectivite.request(
        'GET',
        `/api/observatory/export?dataset=funding_lines&format=csv&spaceId=${spaceId}&statuses=requested,secured,paid`,
      );
      const [{ n }]: { n: number }[] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM funding_line f JOIN project p ON p.id = f.project_id WHERE p.space_id = $1`,
        [spaceId],
      );
      const dryRun = await collectivite.post(`/api/spaces/${spaceId}/projects-csv/import`, { kind: 'funding_lines', csv: own.body, dryRun: true });
      expect(dryRun.status).toBe(200);
      expect(dryRun.body).toMatchObject({ valid: true, rowCount: n, errors: [] });
    }
    // Any other unknown column is still reported.
    const own = (await collectivite.request('GET', `/api/observatory/export?dataset=funding_lines&format=csv&spaceId=${located}`)).body as string;
    const renamed = own.replace('region_libelle', 'nom_de_region');
    const refused = await collectivite.post(`/api/spaces/${located}/projects-csv/import`, { kind: 'funding_lines', csv: renamed, dryRun: true });
    expect(refused.body.valid).toBe(false);
    expect(JSON.stringify(refused.body.errors)).toContain('nom_de_region');
  });

  it('sends a large open funding lines file compressed once and kept, and the same lines to a client that takes no gzip', async () => {
    // 12,000 more lines (a file over a megabyte) on one project of the territory, the year after the study's.
    await t.dataSource.query(
      `INSERT INTO funding_line (project_id, funder_id, funder_level, year, amount_cents, kind, instrument, status, created_by_id)
       SELECT $1, $2, 'region', ${STUDY_YEAR + 1}, 100000 + g, 'operating', 'Fonds régional ESS — ligne ' || g, 'paid', $3 FROM generate_series(1, 12000) g`,
      [territory.projectIds[0], territory.funderIds.region, collectivite.account!.id],
    );
    const path = `/api/observatory/export?dataset=funding_lines&format=csv&from=${STUDY_YEAR + 1}&to=${STUDY_YEAR + 1}`;
    const get = (encoding: string) => fetch(`${t.url}${path}`, { headers: { cookie: collectivite.cookie!, 'accept-encoding': encoding } });
    const gzipped = await get('gzip');
    expect(gzipped.status).toBe(200);
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    expect(gzipped.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(gzipped.headers.get('content-disposition')).toMatch(/concerto-observatoire-funding-lines\.csv/);
    const text = await gzipped.text();
    const plain = await get('identity');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(text);
    const { rows, header } = parseCsv(text);
    expect(rows.length).toBeGreaterThanOrEqual(12_000);
    const amounts = rows.filter((r) => r.cells[header.indexOf('instrument')].startsWith('Fonds régional ESS — ligne '));
    expect(amounts.reduce((sum, r) => sum + Math.round(Number(r.cells[header.indexOf('montant_euros')].replace(',', '.')) * 100), 0)).toBe(
      12_000 * 100_000 + (12_000 * 12_001) / 2,
    );
    // A line written since is in the next download (the kept file is forgotten).
    const line = { funderId: territory.funderIds.region, funderLevel: 'region', year: STUDY_YEAR + 1, amountCents: 4_242, kind: 'operating', status: 'paid' };
    const spaceOf = (await t.dataSource.query(`SELECT space_id FROM project WHERE id = $1`, [territory.projectIds[0]]))[0].space_id;
    expect((await collectivite.post(`/api/spaces/${spaceOf}/projects/${territory.projectIds[0]}/funding-lines`, line)).status).toBe(201);
    expect(parseCsv(await (await get('gzip')).text()).rows.length).toBe(rows.length + 1);
  });
});
