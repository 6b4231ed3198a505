import { loadavg } from 'node:os';
import { DATASET, machineLine, useObservatoryBench } from './observatory-dataset.js';
import { writeResults } from './performance-doc.js';
import { markdownTable, summary } from './stats.js';

const WARM_UPS = 3;
const RUNS = Number(process.env.BENCH_SAMPLE_RUNS ?? 30);
const TARGET_P95_MS = 100;

interface Case {
  name: string;
  request: string;
  run: () => Promise<{ status: number; body: any }>;
  /** Before each timed run (not timed): e.g. a write that makes the next read recompute. */
  before?: () => Promise<void>;
}

/**
 * The sample builder over the observatory's generated territory (10,000 poles, each with a grid profile): the grid's
 * coverage by the whole scope and by hand-picked sets (with the suggestions), the pole search, and the observatory
 * filtered by a saved selection of 500 poles — warm, and after the selection changed (its owner's figures recomputed).
 */
describe('sample builder benchmark', () => {
  const bench = useObservatoryBench({ writer: false });
  let poleIds: string[] = [];
  let selectionId = '';
  let flip = 0;

  beforeAll(async () => {
    poleIds = (await bench.t.dataSource.query(`SELECT id FROM pole ORDER BY name, id LIMIT 501`)).map((r: { id: string }) => r.id);
    const saved = await bench.clients.wide.post('/api/sample/selections', { name: 'Échantillon de 500 pôles', poleIds: poleIds.slice(0, 500) });
    if (saved.status !== 201) throw new Error(`selection: ${saved.status} ${JSON.stringify(saved.body)}`);
    selectionId = saved.body.id;
  });

  const cases = (): Case[] => [
    {
      name: `coverage of the whole scope (${DATASET.poles.toLocaleString('en')} poles)`,
      request: 'POST /api/sample/coverage {}',
      run: () => bench.clients.wide.post('/api/sample/coverage', {}),
    },
    {
      name: 'coverage of 20 hand-picked poles, with suggestions',
      request: 'POST /api/sample/coverage {poleIds: 20}',
      run: () => bench.clients.wide.post('/api/sample/coverage', { poleIds: poleIds.slice(0, 20) }),
    },
    {
      name: 'coverage of 500 hand-picked poles, with suggestions',
      request: 'POST /api/sample/coverage {poleIds: 500}',
      run: () => bench.clients.wide.post('/api/sample/coverage', { poleIds: poleIds.slice(0, 500) }),
    },
    {
      name: `coverage of 20 poles, member of ${DATASET.narrowSpaces} spaces`,
      request: 'POST /api/sample/coverage {poleIds: 20}',
      run: () => bench.clients.narrow.post('/api/sample/coverage', { poleIds: poleIds.slice(0, 20) }),
    },
    { name: 'pole search', request: 'GET /api/sample/poles?q=pays', run: () => bench.clients.wide.get('/api/sample/poles?q=pays') },
    {
      name: 'funding table filtered by a selection of 500 poles, warm',
      request: 'GET /api/observatory/funding?selectionId=…',
      run: () => bench.clients.wide.get(`/api/observatory/funding?selectionId=${selectionId}`),
    },
    {
      name: 'funding table filtered by the selection, after the selection changed',
      request: 'GET /api/observatory/funding?selectionId=…',
      // One pole swapped each time: the owner's cached figures are forgotten, the next read recomputes.
      before: async () => {
        flip += 1;
        const ids = [...poleIds.slice(0, 499), poleIds[flip % 2 === 0 ? 499 : 500]];
        const r = await bench.clients.wide.request('PUT', `/api/sample/selections/${selectionId}`, { name: 'Échantillon de 500 pôles', poleIds: ids });
        if (r.status !== 200) throw new Error(`selection change: ${r.status}`);
      },
      run: () => bench.clients.wide.get(`/api/observatory/funding?selectionId=${selectionId}`),
    },
  ];

  async function measure(c: Case): Promise<number[]> {
    for (let i = 0; i < WARM_UPS; i++) {
      const response = await c.run();
      if (response.status !== 200) throw new Error(`${c.request}: ${response.status} ${JSON.stringify(response.body)}`);
    }
    const samples: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      await c.before?.();
      const at = performance.now();
      const response = await c.run();
      samples.push(performance.now() - at);
      if (response.status !== 200) throw new Error(`${c.request}: ${response.status}`);
    }
    return samples;
  }

  it('measures', async () => {
    // Exact first: the whole scope's count of one value, and the selection's money, against direct SQL.
    const coverage = (await bench.clients.wide.post('/api/sample/coverage', {})).body;
    const [{ n }]: { n: number }[] = await bench.t.dataSource.query(`SELECT count(*)::int AS n FROM pole WHERE 'industry' = ANY(sectors)`);
    expect(coverage.fields.find((f: { field: string }) => f.field === 'sectors').values.find((v: { value: string }) => v.value === 'industry').poles).toBe(n);
    const funding = (await bench.clients.wide.get(`/api/observatory/funding?selectionId=${selectionId}`)).body;
    const [{ total }]: { total: string }[] = await bench.t.dataSource.query(
      `SELECT coalesce(sum(f.amount_cents), 0)::text AS total FROM funding_line f JOIN project p ON p.id = f.project_id JOIN space s ON s.id = p.space_id
        WHERE s.pole_id = ANY($1::uuid[]) AND f.status IN ('secured', 'paid')`,
      [poleIds.slice(0, 500)],
    );
    expect(funding.total.totalCents).toBe(Number(total));

    const loadAtStart = loadavg();
    const rows: (string | number)[][] = [];
    for (const c of cases()) {
      const s = summary(await measure(c));
      rows.push([c.name, `\`${c.request}\``, `${s.p50} / ${s.p95}${s.p95 < TARGET_P95_MS ? '' : ' ✗'}`]);
      process.stdout.write(`${c.name}: n ${s.n}, p50 ${s.p50} p95 ${s.p95} ms\n`);
    }
    const table = markdownTable(['query', 'request', 'p50 / p95 ms'], rows);
    const counts = bench.dataset.counts;
    const loaded = `Dataset: the observatory benchmark's (${counts.pole.toLocaleString('en')} poles with their grid profile, ${counts.funding_line.toLocaleString('en')} funding lines); the wide account is a member of every space.`;
    const machine = machineLine(`${WARM_UPS} warm-ups then ${RUNS} runs`, loadAtStart);
    process.stdout.write(`\nSample builder benchmark — ${machine}\n${loaded}\n${table}\n`);
    writeResults('sample', `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}.\n\n${loaded}\n\n${table}`);
  });
});
