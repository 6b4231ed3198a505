import { loadavg } from 'node:os';
import { parseCsv } from '@concerto/domain';
import { DATASET, type Reader, type WriteTarget, machineLine, useObservatoryBench } from './observatory-dataset.js';
import { writeResults } from './performance-doc.js';
import { markdownTable, round, summary } from './stats.js';

const WARM_UPS = 3;
const RUNS = Number(process.env.BENCH_OBSERVATORY_RUNS ?? 30);
const TARGET_P95_MS = 100;

interface Case {
  name: string;
  path: string;
  client: Reader;
  check: (body: any) => Promise<void>;
}

type Mode = 'computed' | 'warm' | 'after write elsewhere' | 'after write in scope';
const MODES: Mode[] = ['computed', 'warm', 'after write elsewhere', 'after write in scope'];

/**
 * The observatory's indicators over time through real HTTP, over the observatory's generated territory (10,000 poles,
 * 50,000 projects, 150,000 indicator measures): computed from scratch (every fact reloaded), warm, and after a measure
 * recorded in another space or in the caller's scope (that pole reloaded, the figure recomputed). Also times the SQL
 * that reads the indicator rollup (one pole, every pole) with its plan, and the rollup's rebuild.
 */
describe('observatory indicators benchmark', () => {
  const bench = useObservatoryBench();
  let written = 0;
  const writeSamples: number[] = [];

  /** The sum of every project's latest jobs measure of each year over the account's spaces, straight from the raw measures. */
  async function jobsTotal(accountId: string): Promise<number> {
    const [{ total }]: { total: number }[] = await bench.t.dataSource.query(
      `SELECT coalesce(sum(value), 0)::float8 AS total FROM (
         SELECT DISTINCT ON (i.project_id, extract(year FROM i.measured_on)) i.value
           FROM project_indicator i JOIN project p ON p.id = i.project_id JOIN space_membership m ON m.space_id = p.space_id AND m.account_id = $1
          WHERE i.kind = 'jobs_created'
          ORDER BY i.project_id, extract(year FROM i.measured_on), i.measured_on DESC, i.created_at DESC, i.id DESC) v`,
      [accountId],
    );
    return total;
  }

  const expectJobs = (client: Case['client']) => async (body: any) => {
    const years: { total: number }[] = body.indicators.find((i: { kind: string }) => i.kind === 'jobs_created').years;
    expect(round(years.reduce((sum, y) => sum + y.total, 0))).toBe(round(await jobsTotal(bench.clients[client].account!.id)));
  };

  const cases: Case[] = [
    { name: 'indicators by year, member of every space', path: '/api/observatory/indicators', client: 'wide', check: expectJobs('wide') },
    {
      name: 'indicators by year, 2020–2024, development projects',
      path: '/api/observatory/indicators?from=2020&to=2024&projectStage=development',
      client: 'wide',
      check: async () => undefined,
    },
    {
      name: `indicators by year, member of ${DATASET.narrowSpaces} spaces`,
      path: '/api/observatory/indicators',
      client: 'narrow',
      check: expectJobs('narrow'),
    },
    {
      name: 'export indicators by year (CSV), member of every space',
      path: '/api/observatory/export?dataset=indicators&format=csv',
      client: 'wide',
      check: async (body: string) => expect(parseCsv(body).rows.length).toBeGreaterThan(6),
    },
    {
      name: `export indicators by pole (CSV), member of ${DATASET.narrowSpaces} spaces`,
      path: '/api/observatory/export?dataset=indicators_by_pole&format=csv',
      client: 'narrow',
      check: async (body: string) => expect(new Set(parseCsv(body).rows.map((r) => r.cells[0])).size).toBeGreaterThan(50),
    },
  ];

  /** A measure recorded through the API, as a person would, timed. */
  async function writeMeasure(target: WriteTarget): Promise<void> {
    written += 1;
    const at = performance.now();
    const response = await bench.writer.post(`/api/spaces/${target.spaceId}/projects/${target.projectId}/indicators`, {
      kind: 'jobs_created',
      measuredOn: `${2012 + (written % 13)}-06-30`,
      value: written % 40,
    });
    writeSamples.push(performance.now() - at);
    if (response.status !== 201) throw new Error(`indicator write: ${response.status} ${JSON.stringify(response.body)}`);
  }

  async function measure(c: Case, mode: Mode): Promise<number[]> {
    const client = bench.clients[c.client];
    for (let i = 0; i < WARM_UPS; i++) {
      const response = await client.get(c.path);
      if (response.status !== 200) throw new Error(`${c.path}: ${response.status} ${JSON.stringify(response.body)}`);
      if (i === 0 && mode === 'computed') await c.check(response.body);
    }
    const samples: number[] = [];
    for (let run = 0; run < (mode === 'computed' ? Math.min(RUNS, 5) : RUNS); run++) {
      // Every fact reloaded and every figure forgotten (what a process start or a repair does).
      if (mode === 'computed') await bench.t.dataSource.query(`INSERT INTO observatory_change (source) VALUES ('all')`);
      if (mode === 'after write elsewhere') await writeMeasure(bench.elsewhere);
      if (mode === 'after write in scope') await writeMeasure(bench.inScope);
      const at = performance.now();
      const response = await client.get(c.path);
      if (response.status !== 200) throw new Error(`${c.path}: ${response.status}`);
      samples.push(performance.now() - at);
    }
    return samples;
  }

  /** Runs `sql` a few times (after one warm-up) and answers its p50 in ms and its plan. */
  async function timedSql(sql: string, params: unknown[]): Promise<{ p50: number; plan: string }> {
    await bench.t.dataSource.query(sql, params);
    const samples: number[] = [];
    for (let i = 0; i < 5; i++) {
      const at = performance.now();
      await bench.t.dataSource.query(sql, params);
      samples.push(performance.now() - at);
    }
    const plan: { 'QUERY PLAN': string }[] = await bench.t.dataSource.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`, params);
    return { p50: summary(samples).p50, plan: plan.map((r) => r['QUERY PLAN']).join('\n') };
  }

  it('measures', async () => {
    const loadAtStart = loadavg();
    const rows: (string | number)[][] = [];
    const met = (p95: number) => (p95 < TARGET_P95_MS ? '' : ' ✗');
    for (const c of cases) {
      const figures: string[] = [];
      for (const mode of MODES) {
        const s = summary(await measure(c, mode));
        figures.push(`${s.p50} / ${s.p95}${mode === 'computed' ? '' : met(s.p95)}`);
        process.stdout.write(`${c.name} — ${mode}: n ${s.n}, p50 ${s.p50} p95 ${s.p95} ms\n`);
      }
      rows.push([c.name, `\`GET ${c.path}\``, ...figures]);
    }
    const writes = summary(writeSamples);
    rows.push(['indicator write (the rollup kept in its transaction)', '`POST …/indicators`', `${writes.p50} / ${writes.p95} (n ${writes.n})`, '', '', '']);

    // The SQL behind the store: one pole's rows (after a change) and every pole's (a process start).
    const select = `SELECT s.pole_id, p.space_id, r.project_id, r.kind, r.year, p.stage, r.value::float8
                      FROM observatory_indicator_rollup r JOIN project p ON p.id = r.project_id JOIN space s ON s.id = p.space_id`;
    const [{ pole_id: onePole }]: { pole_id: string }[] = await bench.t.dataSource.query(`SELECT pole_id FROM space WHERE id = $1`, [bench.inScope.spaceId]);
    const one = await timedSql(`${select} WHERE s.pole_id = ANY($1::uuid[])`, [[onePole]]);
    const all = await timedSql(select, []);
    const at = performance.now();
    const [{ n: rebuilt }]: { n: string }[] = await bench.t.dataSource.query(`SELECT observatory_indicator_rebuild()::text AS n`);
    const rebuildMs = round(performance.now() - at);
    rows.push(['SQL: one pole’s indicator rows (reload after a change)', '`observatory_indicator_rollup` ⋈ project ⋈ space', `${one.p50}`, '', '', '']);
    rows.push([`SQL: every pole’s indicator rows (process start, ${rebuilt} rows)`, 'same, no filter', `${all.p50}`, '', '', '']);
    rows.push(['repair: the indicator rollup recomputed from the raw measures', '`SELECT observatory_indicator_rebuild()`', `${rebuildMs}`, '', '', '']);
    process.stdout.write(`\nPlan, one pole:\n${one.plan}\n\nPlan, every pole:\n${all.plan}\n`);

    const table = markdownTable(['query', 'request', ...MODES.map((m) => `${m} p50 / p95 ms`)], rows);
    const n = bench.dataset.counts;
    const loaded =
      `Dataset: the observatory benchmark's (${n.pole.toLocaleString('en')} poles, ${n.project.toLocaleString('en')} projects, ` +
      `${n.funding_line.toLocaleString('en')} funding lines) and ${n.project_indicator.toLocaleString('en')} indicator measures ` +
      `(${rebuilt} rollup rows: one per project, indicator and year).`;
    const machine = machineLine(`${WARM_UPS} warm-ups then ${RUNS} runs (5 when computed from scratch)`, loadAtStart);
    process.stdout.write(`\nObservatory indicators benchmark — ${machine}\n${loaded}\n${table}\n`);
    writeResults('observatory-indicators', `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}.\n\n${loaded}\n\n${table}`);
    expect(n.project_indicator).toBe(DATASET.indicators);
  });
});
