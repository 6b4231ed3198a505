import { cpus, totalmem } from 'node:os';
import { parseCsv } from '@concerto/domain';
import { ApiClient, startTestApp, type TestApp } from '@concerto/server/testing';
import { DATASET, loadObservatoryDataset, type LoadedDataset } from './observatory-dataset.js';
import { writeResults } from './performance-doc.js';
import { markdownTable, round, summary } from './stats.js';

const WARM_UPS = 3;
const RUNS = Number(process.env.BENCH_OBSERVATORY_RUNS ?? 50);
/** A query slower than this per run gets fewer samples (at least MIN_RUNS) so the benchmark stays bounded. */
const BUDGET_MS = Number(process.env.BENCH_OBSERVATORY_BUDGET_MS ?? 60_000);
const MIN_RUNS = 10;
const TARGET_P95_MS = 100;

interface Case {
  name: string;
  path: string;
  client: 'wide' | 'narrow';
  /** Fails the run when the answer is not what the data holds, so an error is never timed as a result. */
  check: (body: any, headers: Headers) => Promise<void>;
}

/**
 * The observatory's queries through real HTTP, over a generated territory of 10,000 poles, 50,000 projects and
 * 200,000 funding lines, for a member of every space (worst case for the scope) and a member of 100 spaces.
 */
describe('observatory benchmark', () => {
  let t: TestApp;
  let dataset: LoadedDataset;
  const clients = {} as Record<Case['client'], ApiClient>;

  beforeAll(async () => {
    t = await startTestApp();
    clients.wide = new ApiClient(t.url);
    clients.narrow = new ApiClient(t.url);
    await clients.wide.signUp({ email: 'technicienne@region.example.fr', displayName: 'Technicienne de la Région' });
    await clients.narrow.signUp({ email: 'charge.mission@epci.example.fr', displayName: 'Chargé de mission EPCI' });
    dataset = await loadObservatoryDataset(t.dataSource, clients.wide.account!.id, clients.narrow.account!.id);
  });
  afterAll(() => t.close());

  /** The money mobilised (secured + paid) over the lines of `where`, computed directly in SQL. */
  async function mobilised(accountId: string, where = 'true'): Promise<{ total: number; projects: number }> {
    const [row]: { total: string; projects: number }[] = await t.dataSource.query(
      `SELECT coalesce(sum(f.amount_cents), 0)::text AS total, count(DISTINCT f.project_id)::int AS projects
         FROM funding_line f JOIN project p ON p.id = f.project_id JOIN space s ON s.id = p.space_id JOIN pole po ON po.id = s.pole_id
         JOIN space_membership m ON m.space_id = s.id AND m.account_id = $1
        WHERE f.status IN ('secured', 'paid') AND ${where}`,
      [accountId],
    );
    return { total: Number(row.total), projects: row.projects };
  }

  function expectFunding(where: string, account: Case['client'] = 'wide') {
    return async (body: any) => {
      const expected = await mobilised(clients[account].account!.id, where);
      expect(body.total.totalCents).toBe(expected.total);
      expect(body.total.projectCount).toBe(expected.projects);
      expect(expected.total).toBeGreaterThan(0);
    };
  }

  async function poleCount(where = 'true'): Promise<number> {
    const [row]: { n: number }[] = await t.dataSource.query(`SELECT count(*)::int AS n FROM pole po WHERE ${where}`);
    return row.n;
  }

  const cases: Case[] = [
    { name: 'funding table, no filter', path: '/api/observatory/funding', client: 'wide', check: expectFunding('true') },
    { name: 'funding table, 2015', path: '/api/observatory/funding?from=2015&to=2015', client: 'wide', check: expectFunding('f.year = 2015') },
    {
      name: 'funding table, regions × rural poles',
      path: '/api/observatory/funding?level=region&implantation=rural',
      client: 'wide',
      check: expectFunding(`f.funder_level = 'region' AND po.implantation = 'rural'`),
    },
    {
      name: 'panorama, no filter',
      path: '/api/observatory/panorama',
      client: 'wide',
      check: async (body) => {
        expect(body.totals.poles).toBe(await poleCount());
        expect(body.totals.mobilisedCents).toBe((await mobilised(clients.wide.account!.id)).total);
      },
    },
    {
      name: 'panorama, 2020–2024, social sector',
      path: '/api/observatory/panorama?from=2020&to=2024&sector=social',
      client: 'wide',
      check: async (body) => {
        expect(body.totals.poles).toBe(await poleCount(`'social' = ANY(po.sectors)`));
        expect(body.totals.mobilisedCents).toBe(
          (await mobilised(clients.wide.account!.id, `f.year BETWEEN 2020 AND 2024 AND 'social' = ANY(po.sectors)`)).total,
        );
      },
    },
    {
      name: 'export funding table (CSV)',
      path: '/api/observatory/export?dataset=funding&format=csv',
      client: 'wide',
      check: async (body: string, headers) => {
        expect(headers.get('content-type')).toMatch(/^text\/csv/);
        const total = parseCsv(body).rows.at(-1)!.cells;
        expect(total[0]).toBe('total');
        expect(Number(total[2])).toBe((await mobilised(clients.wide.account!.id)).total / 100);
      },
    },
    {
      name: `funding table, member of ${DATASET.narrowSpaces} spaces`,
      path: '/api/observatory/funding',
      client: 'narrow',
      check: expectFunding('true', 'narrow'),
    },
  ];

  /** `cold`: the data revision is bumped before each run, so the figures are computed again (no cached answer). */
  async function measure(c: Case, cold: boolean): Promise<number[]> {
    const client = clients[c.client];
    for (let i = 0; i < WARM_UPS; i++) {
      const response = await client.get(c.path);
      if (response.status !== 200) throw new Error(`${c.path}: ${response.status} ${JSON.stringify(response.body)}`);
      if (i === 0) await c.check(response.body, response.headers);
    }
    const samples: number[] = [];
    const started = performance.now();
    while (samples.length < RUNS && (samples.length < MIN_RUNS || performance.now() - started < BUDGET_MS)) {
      if (cold) await t.dataSource.query(`UPDATE observatory_revision SET revision = revision + 1`);
      const at = performance.now();
      const response = await client.get(c.path);
      samples.push(performance.now() - at);
      if (response.status !== 200) throw new Error(`${c.path}: ${response.status}`);
    }
    return samples;
  }

  it('measures', async () => {
    const rows: (string | number)[][] = [];
    for (const c of cases) {
      const cold = summary(await measure(c, true));
      const warm = summary(await measure(c, false));
      const met = (p95: number) => (p95 < TARGET_P95_MS ? 'yes' : '**no**');
      rows.push([c.name, `\`GET ${c.path}\``, cold.n, cold.p50, cold.p95, cold.p99, met(cold.p95), warm.p50, warm.p95, warm.p99, met(warm.p95)]);
      process.stdout.write(`${c.name}: computed p50 ${cold.p50} p95 ${cold.p95} ms; unchanged data p50 ${warm.p50} p95 ${warm.p95} ms\n`);
    }
    const table = markdownTable(
      [
        'query',
        'request',
        'samples',
        'computed p50 ms',
        'p95 ms',
        'p99 ms',
        `p95 < ${TARGET_P95_MS} ms`,
        'unchanged data p50 ms',
        'p95 ms',
        'p99 ms',
        `p95 < ${TARGET_P95_MS} ms`,
      ],
      rows,
    );
    const n = dataset.counts;
    const loaded =
      `Dataset: ${n.organisation} organisations, ${n.pole.toLocaleString('en')} poles and spaces, ${n.project.toLocaleString('en')} projects, ` +
      `${n.project_partner.toLocaleString('en')} project partners, ${n.funding_line.toLocaleString('en')} funding lines, ` +
      `${n.collectivite_relation.toLocaleString('en')} relations, ${n.space_membership.toLocaleString('en')} memberships; ` +
      `loaded in ${round(dataset.loadMs / 1000)} s (${dataset.steps.map((s) => `${s.label} ${s.ms} ms`).join(', ')}), ANALYZE ${round(dataset.analyzeMs / 1000)} s.`;
    const [{ version }]: { version: string }[] = await t.dataSource.query(`SELECT split_part(version(), ' ', 2) AS version`);
    const machine =
      `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ` +
      `PostgreSQL ${version}, client in the same process; ${WARM_UPS} warm-ups then up to ${RUNS} runs per query`;
    process.stdout.write(`\nObservatory benchmark — ${machine}\n${loaded}\n${table}\n`);
    writeResults('observatory', `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}.\n\n${loaded}\n\n${table}`);
    expect(n.funding_line).toBe(DATASET.fundingLines);
    expect(n.project).toBe(DATASET.projects);
    expect(n.pole).toBe(DATASET.poles);
  });
});
