import { type FunderLevel, type ObservatoryQuery, fundingTable as pureFundingTable } from '@concerto/domain';
import { ApiClient, buildSpace } from '../../testing/api-client.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { ENTITIES } from '../app.entities.js';
import { createApp } from '../app.factory.js';
import { openDatabase } from '../database/data-source.js';
import { PanoramaRepository } from './panorama.repository.js';

const LEVELS: FunderLevel[] = ['commune', 'epci', 'department', 'region', 'state', 'europe'];

/** The queries compared: none, a period, a level, requested money, a project stage, a pole filter. */
const QUERIES: [string, ObservatoryQuery][] = [
  ['', {}],
  ['?from=2021&to=2022', { from: 2021, to: 2022 }],
  ['?level=region', { level: 'region' }],
  ['?statuses=requested,secured,paid', { statuses: ['requested', 'secured', 'paid'] }],
  ['?projectStage=seeding', { projectStage: 'seeding' }],
  ['?implantation=rural', { implantation: 'rural' }],
];

/**
 * The observatory reads rolled-up amounts (kept by triggers, copied in memory per pole, cached per scope); after a
 * random sequence of inserts, updates, deletes, organisation level changes and CSV imports (including the space's own
 * export), every figure must equal a direct computation over the raw funding lines, to the cent.
 */
describe('observatory rollups (real PostgreSQL, through the HTTP API)', () => {
  let t: TestApp;
  let owner: ApiClient;
  const spaces: string[] = [];
  const projects: { spaceId: string; id: string }[] = [];
  const funders: { id: string; level: FunderLevel | 'other' }[] = [];
  const lines: { spaceId: string; projectId: string; id: string }[] = [];
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];

  beforeAll(async () => {
    t = await startTestApp();
    owner = new ApiClient(t.url);
    await owner.signUp();
    for (const name of ['Pôle des rollups A', 'Pôle des rollups B']) spaces.push(await buildSpace(owner, { poleName: name }));
    await owner.patch(`/api/spaces/${spaces[1]}/pole`, { implantation: 'rural' });
    for (const [i, spaceId] of [...spaces, ...spaces, ...spaces].entries()) {
      const response = await owner.post(`/api/spaces/${spaceId}/projects`, { title: `Projet ${i}`, stage: i % 2 ? 'seeding' : 'development' });
      expect(response.status).toBe(201);
      projects.push({ spaceId, id: response.body.id });
    }
    for (const level of LEVELS) {
      const response = await owner.post('/api/organisations', { kind: 'collectivite', collectiviteLevel: level, name: `Collectivité ${level} des rollups` });
      funders.push({ id: response.body.id, level });
    }
    funders.push({ id: (await owner.post('/api/organisations', { kind: 'ess_network', name: 'Réseau des rollups' })).body.id, level: 'other' });
  }, 120_000);
  afterAll(() => t.close());

  const ops = {
    async insert() {
      const project = pick(projects);
      const funder = pick(funders);
      const response = await owner.post(`/api/spaces/${project.spaceId}/projects/${project.id}/funding-lines`, {
        funderId: funder.id,
        funderLevel: funder.level,
        year: 2020 + Math.floor(random() * 4),
        // Small amounts make ties (and even medians) frequent.
        amountCents: (1 + Math.floor(random() * 5)) * 100_000 + (random() < 0.3 ? 1 : 0),
        kind: 'operating',
        status: pick(['requested', 'secured', 'paid']),
      });
      expect(response.status).toBe(201);
      lines.push({ spaceId: project.spaceId, projectId: project.id, id: response.body.id });
    },
    async update() {
      if (lines.length === 0) return;
      const line = pick(lines);
      const path = `/api/spaces/${line.spaceId}/projects/${line.projectId}/funding-lines/${line.id}`;
      const [{ version }]: { version: number }[] = await t.dataSource.query(`SELECT version FROM funding_line WHERE id = $1`, [line.id]);
      const change = pick([{ amountCents: 123_456 + Math.floor(random() * 1000) }, { status: pick(['requested', 'secured', 'paid']) }, { year: 2020 }]);
      const response = await owner.patch(path, { version, ...change });
      expect(response.status).toBe(200);
    },
    async remove() {
      if (lines.length === 0) return;
      const line = lines.splice(Math.floor(random() * lines.length), 1)[0];
      expect((await owner.delete(`/api/spaces/${line.spaceId}/projects/${line.projectId}/funding-lines/${line.id}`)).status).toBe(204);
    },
    /** An organisation changes level: its past lines keep theirs, new lines take the new one. */
    async levelChange() {
      const funder = pick(funders.filter((f) => f.level !== 'other'));
      const level = pick(LEVELS.filter((l) => l !== funder.level));
      await t.dataSource.query(`UPDATE organisation SET collectivite_level = $2 WHERE id = $1`, [funder.id, level]);
      funder.level = level;
    },
    /** The space's own export imported again (lines at the level they were recorded at). */
    async reimport() {
      const spaceId = pick(spaces);
      const exported = await owner.get(`/api/spaces/${spaceId}/projects-csv/export?kind=funding_lines`);
      expect(exported.status).toBe(200);
      if ((exported.body as string).trim().split('\n').length < 2) return;
      const imported = await owner.post(`/api/spaces/${spaceId}/projects-csv/import`, { kind: 'funding_lines', csv: exported.body, dryRun: false });
      expect(imported.body.errors ?? []).toEqual([]);
      expect(imported.status).toBe(200);
      const ids: { id: string; project_id: string }[] = await t.dataSource.query(
        `SELECT f.id, f.project_id FROM funding_line f JOIN project p ON p.id = f.project_id WHERE p.space_id = $1`,
        [spaceId],
      );
      const known = new Set(lines.map((l) => l.id));
      for (const row of ids) if (!known.has(row.id)) lines.push({ spaceId, projectId: row.project_id, id: row.id });
    },
  };

  /** Every figure of every query equals the direct computation over raw lines. */
  async function expectExact(): Promise<void> {
    const [diff]: { n: number }[] = await t.dataSource.query(`
      WITH raw AS (SELECT f.project_id, f.funder_id, f.funder_level, f.year, f.status, p.space_id, sum(f.amount_cents)::bigint AS amount, count(*)::int AS n
                     FROM funding_line f JOIN project p ON p.id = f.project_id GROUP BY 1, 2, 3, 4, 5, 6),
           rolled AS (SELECT project_id, funder_id, funder_level, year, status, space_id, amount_cents AS amount, line_count AS n FROM observatory_funding_rollup)
      SELECT (SELECT count(*) FROM (SELECT * FROM raw EXCEPT SELECT * FROM rolled) a)::int + (SELECT count(*) FROM (SELECT * FROM rolled EXCEPT SELECT * FROM raw) b)::int AS n`);
    expect(diff.n).toBe(0);
    const panoramas = t.app.get(PanoramaRepository);
    for (const [search, query] of QUERIES) {
      const funding = await owner.get(`/api/observatory/funding${search}`);
      expect(funding.status).toBe(200);
      const statuses = query.statuses ?? ['secured', 'paid'];
      const raw: { projectId: string; level: FunderLevel; amountCents: number }[] = (
        await t.dataSource.query(
          `SELECT f.project_id, f.funder_level, f.amount_cents::float8 AS amount FROM funding_line f JOIN project p ON p.id = f.project_id
             JOIN space s ON s.id = p.space_id JOIN pole po ON po.id = s.pole_id
            WHERE p.space_id = ANY($1::uuid[]) AND f.status = ANY($2::text[]) AND f.year BETWEEN $3 AND $4 AND ($5::text IS NULL OR f.funder_level = $5)
              AND ($6::text IS NULL OR p.stage = $6) AND ($7::text IS NULL OR po.implantation = $7)`,
          [spaces, statuses, query.from ?? 0, query.to ?? 9999, query.level ?? null, query.projectStage ?? null, query.implantation ?? null],
        )
      ).map((r: { project_id: string; funder_level: FunderLevel; amount: number }) => ({
        projectId: r.project_id,
        level: r.funder_level,
        amountCents: r.amount,
      }));
      const expected = pureFundingTable(raw);
      expect({ search, rows: funding.body.rows, total: funding.body.total }).toEqual({ search, rows: expected.rows, total: expected.total });

      const panorama = (await owner.get(`/api/observatory/panorama${search}`)).body;
      const accountId = owner.account!.id;
      const profile = await panoramas.poleProfile(accountId, query);
      const presence = await panoramas.levelPresence(accountId, query);
      const counts = await panoramas.collectiviteCounts(accountId, query);
      expect({ search, totals: panorama.totals }).toEqual({
        search,
        totals: {
          poles: profile.poles,
          jobs: profile.jobs,
          enterprises: profile.enterprises,
          consolidatedBudgetCents: profile.consolidatedBudgetCents,
          mobilisedCents: profile.mobilisedCents,
        },
      });
      const presenceOf = new Map(presence.map((p) => [p.level, p.poles]));
      for (const p of panorama.levelPresence)
        expect({ search, level: p.level, poles: p.poles }).toEqual({ search, level: p.level, poles: presenceOf.get(p.level) ?? 0 });
      expect({ search, counts: panorama.collectiviteCounts }).toEqual({ search, counts: counts.map(({ collectivites, poles }) => ({ collectivites, poles })) });
      expect(panorama.medianCollectivites).toBe(counts[0]?.median ?? null);
    }
  }

  it('keeps every figure exact to the cent through a random sequence of writes', async () => {
    const weighted: (keyof typeof ops)[] = ['insert', 'insert', 'insert', 'insert', 'update', 'update', 'remove', 'levelChange', 'reimport'];
    for (let step = 0; step < 60; step += 1) {
      await ops[pick(weighted)]();
      if (step % 15 === 14) await expectExact();
    }
    await ops.levelChange();
    await ops.reimport();
    await expectExact();
  }, 180_000);

  it('keeps a line at the level it was recorded at when its funder changes level', async () => {
    const project = projects[0];
    const response = await owner.post('/api/organisations', { kind: 'collectivite', collectiviteLevel: 'commune', name: 'Commune devenue métropole' });
    const funderId = response.body.id;
    const line = { funderId, funderLevel: 'commune', year: 2021, amountCents: 500_000, kind: 'operating', status: 'paid' };
    expect((await owner.post(`/api/spaces/${project.spaceId}/projects/${project.id}/funding-lines`, line)).status).toBe(201);
    const before = (await owner.get('/api/observatory/funding?level=commune&from=2021&to=2021')).body.total.totalCents;
    await t.dataSource.query(`UPDATE organisation SET collectivite_level = 'epci' WHERE id = $1`, [funderId]);
    // Past money stays where it was, in the table and in the presence of levels.
    expect((await owner.get('/api/observatory/funding?level=commune&from=2021&to=2021')).body.total.totalCents).toBe(before);
    const presence = (await owner.get('/api/observatory/panorama?level=commune&from=2021&to=2021')).body.levelPresence;
    expect(presence.find((p: { level: string }) => p.level === 'commune').poles).toBeGreaterThan(0);
    // New money of later years takes the new level; the old level is refused for it.
    const later = { ...line, year: new Date().getFullYear() + 1 };
    expect((await owner.post(`/api/spaces/${project.spaceId}/projects/${project.id}/funding-lines`, later)).status).toBe(400);
    expect((await owner.post(`/api/spaces/${project.spaceId}/projects/${project.id}/funding-lines`, { ...later, funderLevel: 'epci' })).status).toBe(201);
  });

  it('names a renamed funder in the open lines at the next read, and keeps the lines as recorded when only its level changes', async () => {
    const project = projects[0];
    const created = await owner.post('/api/organisations', { kind: 'collectivite', collectiviteLevel: 'commune', name: 'Commune avant fusion' });
    const funderId = created.body.id;
    const line = { funderId, funderLevel: 'commune', year: 2020, amountCents: 123_400, kind: 'operating', status: 'paid' };
    expect((await owner.post(`/api/spaces/${project.spaceId}/projects/${project.id}/funding-lines`, line)).status).toBe(201);
    const path = '/api/observatory/export?dataset=funding_lines&format=json&from=2020&to=2020';
    const funderOf = (body: { data: { funder: string; funder_level: string; amount_euros: number }[] }) =>
      body.data.filter((l) => l.amount_euros === 1_234).map((l) => `${l.funder} (${l.funder_level})`);
    expect(funderOf((await owner.get(path)).body)).toEqual(['Commune avant fusion (commune)']);
    await t.dataSource.query(`UPDATE organisation SET collectivite_level = 'epci' WHERE id = $1`, [funderId]);
    expect(funderOf((await owner.get(path)).body)).toEqual(['Commune avant fusion (commune)']);
    await t.dataSource.query(`UPDATE organisation SET name = 'Commune nouvelle' WHERE id = $1`, [funderId]);
    expect(funderOf((await owner.get(path)).body)).toEqual(['Commune nouvelle (commune)']);
  });

  it('moves the links of the poles an organisation is a partner or relation of when its level changes, and only theirs', async () => {
    const created = await owner.post('/api/organisations', { kind: 'collectivite', collectiviteLevel: 'commune', name: 'Commune partenaire des rollups' });
    const partnerId = created.body.id;
    const response = await owner.post(`/api/spaces/${spaces[0]}/projects`, {
      title: 'Projet avec une commune partenaire',
      partners: [{ organisationId: partnerId, role: 'technical_support' }],
    });
    expect(response.status).toBe(201);
    const relation = await owner.post(`/api/spaces/${spaces[1]}/relations`, { organisationId: partnerId, year: 2022, evolution: 'stable' });
    expect(relation.status).toBe(201);
    const paths = ['/api/observatory/panorama', '/api/observatory/panorama?from=2022&to=2022', '/api/observatory/panorama?level=department'];
    // Partials warm under each filter, then the level changes: this process carries over the untouched poles.
    for (const path of paths) expect((await owner.get(path)).status).toBe(200);
    await t.dataSource.query(`UPDATE organisation SET collectivite_level = 'department' WHERE id = $1`, [partnerId]);
    const warm = await Promise.all(paths.map(async (path) => (await owner.get(path)).body));
    // A process that computes everything from the database gives the same figures.
    const dataSource = await openDatabase(t.config.databaseUrl!, ENTITIES);
    const cold = await createApp(t.config, dataSource);
    try {
      await cold.listen(0, '127.0.0.1');
      const other = new ApiClient(`http://127.0.0.1:${(cold.getHttpServer().address() as { port: number }).port}`);
      other.cookie = owner.cookie;
      for (const [i, path] of paths.entries()) expect({ path, figures: (await other.get(path)).body }).toEqual({ path, figures: warm[i] });
    } finally {
      await cold.close();
      await dataSource.destroy().catch(() => undefined);
    }
    const presence = warm[2].levelPresence.find((p: { level: string }) => p.level === 'department');
    expect(presence.poles).toBe(2);
  });

  it('keeps a second server process on the same database in step: a write through one is in the other’s next read', async () => {
    const dataSource = await openDatabase(t.config.databaseUrl!, ENTITIES);
    const second = await createApp(t.config, dataSource);
    try {
      await second.listen(0, '127.0.0.1');
      const other = new ApiClient(`http://127.0.0.1:${(second.getHttpServer().address() as { port: number }).port}`);
      other.cookie = owner.cookie;
      const before = (await other.get('/api/observatory/funding')).body;
      expect(before).toEqual((await owner.get('/api/observatory/funding')).body);
      const project = projects[1];
      const funder = funders.find((f) => f.level !== 'other')!;
      const line = { funderId: funder.id, funderLevel: funder.level, year: 2022, amountCents: 77_701, kind: 'investment', status: 'secured' };
      expect((await owner.post(`/api/spaces/${project.spaceId}/projects/${project.id}/funding-lines`, line)).status).toBe(201);
      // Four readers of the second process at once, right after the write: one answer, with the new money.
      const answers = await Promise.all([1, 2, 3, 4].map(() => other.get('/api/observatory/funding')));
      for (const answer of answers) expect(answer.body.total.totalCents).toBe(before.total.totalCents + 77_701);
      expect(answers[0].body).toEqual((await owner.get('/api/observatory/funding')).body);
    } finally {
      await second.close();
      await dataSource.destroy().catch(() => undefined);
    }
  });

  it('counts the money of a space that held none when the figures were first read', async () => {
    const spaceId = await buildSpace(owner, { poleName: 'Pôle des rollups sans projet' });
    spaces.push(spaceId);
    // Read with the new space in scope while it holds no fact at all.
    const before = (await owner.get('/api/observatory/panorama')).body.totals.mobilisedCents;
    const project = await owner.post(`/api/spaces/${spaceId}/projects`, { title: 'Premier projet', stage: 'development' });
    expect(project.status).toBe(201);
    projects.push({ spaceId, id: project.body.id });
    const funder = funders.find((f) => f.level !== 'other')!;
    const line = { funderId: funder.id, funderLevel: funder.level, year: 2021, amountCents: 4_242_400, kind: 'operating', status: 'paid' };
    expect((await owner.post(`/api/spaces/${spaceId}/projects/${project.body.id}/funding-lines`, line)).status).toBe(201);
    expect((await owner.get('/api/observatory/panorama')).body.totals.mobilisedCents).toBe(before + 4_242_400);
    await expectExact();
  });
});
