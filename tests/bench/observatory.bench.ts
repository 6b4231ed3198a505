import { loadavg } from 'node:os';
import { parseCsv } from '@concerto/domain';
import { DATASET, type Reader, machineLine, useObservatoryBench } from './observatory-dataset.js';
import { newPeriodRow, processStartRow, startDownloader, startProfile } from './observatory-tools.js';
import { writeResults } from './performance-doc.js';
import { markdownTable, round, summary } from './stats.js';

const WARM_UPS = 3;
const RUNS = Number(process.env.BENCH_OBSERVATORY_RUNS ?? 50);
/** A query slower than this per run gets fewer samples (at least MIN_RUNS) so the benchmark stays bounded. */
const BUDGET_MS = Number(process.env.BENCH_OBSERVATORY_BUDGET_MS ?? 60_000);
const MIN_RUNS = Number(process.env.BENCH_OBSERVATORY_MIN_RUNS ?? 10);
const TARGET_P95_MS = 100;
const TARGET_WRITE_P95_MS = 30;

interface Case {
  name: string;
  path: string;
  client: Reader;
  /** Fails the run when the answer is not what the data holds, so an error is never timed as a result. */
  check: (body: any, headers: Headers) => Promise<void>;
  /**
   * A large file: timed to its last byte as the server sends it (gzip), as a browser's download is, by a client in
   * a process of its own (startDownloader); this process decompressing and decoding it is measured apart.
   */
  asSent?: boolean;
}

/**
 * The observatory's queries through real HTTP, over a generated territory of 10,000 poles, 50,000 projects and
 * 200,000 funding lines, for a member of every space (worst case for the scope) and a member of 100 spaces.
 */
describe('observatory benchmark', () => {
  const bench = useObservatoryBench();
  const downloader = startDownloader();
  afterAll(() => downloader.stop());
  let funder: { id: string; level: string };

  beforeAll(async () => {
    [funder] = await bench.t.dataSource.query(
      `SELECT id, collectivite_level AS level FROM organisation WHERE collectivite_level = 'region' ORDER BY name LIMIT 1`,
    );
  });

  /** The money mobilised (secured + paid) over the lines of `where`, computed directly in SQL. */
  async function mobilised(accountId: string, where = 'true'): Promise<{ total: number; projects: number }> {
    const [row]: { total: string; projects: number }[] = await bench.t.dataSource.query(
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
      const expected = await mobilised(bench.clients[account].account!.id, where);
      expect(body.total.totalCents).toBe(expected.total);
      expect(body.total.projectCount).toBe(expected.projects);
      expect(expected.total).toBeGreaterThan(0);
    };
  }

  async function poleCount(where = 'true'): Promise<number> {
    const [row]: { n: number }[] = await bench.t.dataSource.query(
      `SELECT count(*)::int AS n FROM pole po
        WHERE po.id IN (SELECT s.pole_id FROM space s JOIN space_membership m ON m.space_id = s.id AND m.account_id = $1) AND ${where}`,
      [bench.clients.wide.account!.id],
    );
    return row.n;
  }

  /** The open funding lines file holds every counted line of the reader's spaces, with the pole's région and département. */
  const expectOpenLines = (reader: Reader) => async (body: string) => {
    const { header, rows } = parseCsv(body);
    expect(header).toEqual(expect.arrayContaining(['region', 'region_libelle', 'departement', 'departement_libelle']));
    const [{ n }]: { n: number }[] = await bench.t.dataSource.query(
      `SELECT count(*)::int AS n FROM funding_line f JOIN project p ON p.id = f.project_id
         JOIN space_membership m ON m.space_id = p.space_id AND m.account_id = $1 WHERE f.status IN ('secured', 'paid')`,
      [bench.clients[reader].account!.id],
    );
    expect(rows.length).toBe(n);
  };

  /** A figure of the map added up over its territories (and the poles without a location, unless `locatedOnly`). */
  const mapSum = (body: any, figure: 'poles' | 'mobilisedCents', locatedOnly = false): number =>
    [...body.territories, ...(locatedOnly ? [] : [body.unlocated])].reduce((sum: number, x: Record<string, number>) => sum + x[figure], 0);

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
        expect(body.totals.mobilisedCents).toBe((await mobilised(bench.clients.wide.account!.id)).total);
      },
    },
    {
      name: 'panorama, 2020–2024, social sector',
      path: '/api/observatory/panorama?from=2020&to=2024&sector=social',
      client: 'wide',
      check: async (body) => {
        expect(body.totals.poles).toBe(await poleCount(`'social' = ANY(po.sectors)`));
        expect(body.totals.mobilisedCents).toBe(
          (await mobilised(bench.clients.wide.account!.id, `f.year BETWEEN 2020 AND 2024 AND 'social' = ANY(po.sectors)`)).total,
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
        expect(Number(total[2].replace(',', '.'))).toBe((await mobilised(bench.clients.wide.account!.id)).total / 100);
      },
    },
    {
      name: 'export panorama (CSV)',
      path: '/api/observatory/export?dataset=panorama&format=csv',
      client: 'wide',
      check: async (body: string) => {
        const { header, rows } = parseCsv(body);
        const poles = rows.find((r) => r.cells[0] === 'total' && r.cells[1] === 'poles')!.cells;
        expect(Number(poles[header.indexOf('valeur')])).toBe(await poleCount());
      },
    },
    {
      name: `export funding lines (CSV), member of ${DATASET.narrowSpaces} spaces`,
      path: '/api/observatory/export?dataset=funding_lines&format=csv',
      client: 'narrow',
      check: expectOpenLines('narrow'),
    },
    {
      name: 'export funding lines (CSV), member of every space, to the last byte as sent (gzip)',
      path: '/api/observatory/export?dataset=funding_lines&format=csv',
      client: 'wide',
      check: expectOpenLines('wide'),
      asSent: true,
    },
    {
      name: 'map by région, member of every space',
      path: '/api/observatory/map?mesh=region',
      client: 'wide',
      check: async (body) => {
        expect(mapSum(body, 'mobilisedCents')).toBe((await mobilised(bench.clients.wide.account!.id)).total);
        expect(mapSum(body, 'poles')).toBe(await poleCount());
        expect(body.territories.length).toBeGreaterThan(10);
      },
    },
    {
      name: 'map by département, member of every space',
      path: '/api/observatory/map?mesh=departement',
      client: 'wide',
      check: async (body) => {
        expect(mapSum(body, 'mobilisedCents', true)).toBe((await mobilised(bench.clients.wide.account!.id, 'po.departement_code IS NOT NULL')).total);
        expect(body.territories.length).toBeGreaterThan(90);
      },
    },
    {
      name: 'map of a région’s départements (a click on Occitanie)',
      path: '/api/observatory/map?mesh=departement&region=76',
      client: 'wide',
      check: async (body) => {
        expect(mapSum(body, 'mobilisedCents', true)).toBe((await mobilised(bench.clients.wide.account!.id, `po.region_code = '76'`)).total);
      },
    },
    {
      name: `map by région, member of ${DATASET.narrowSpaces} spaces`,
      path: '/api/observatory/map?mesh=region',
      client: 'narrow',
      check: async (body) => {
        expect(mapSum(body, 'mobilisedCents')).toBe((await mobilised(bench.clients.narrow.account!.id)).total);
      },
    },
    {
      name: `panorama, member of ${DATASET.narrowSpaces} spaces`,
      path: '/api/observatory/panorama',
      client: 'narrow',
      check: async (body) => expect(body.totals.mobilisedCents).toBe((await mobilised(bench.clients.narrow.account!.id)).total),
    },
    {
      name: `funding table, member of ${DATASET.narrowSpaces} spaces`,
      path: '/api/observatory/funding',
      client: 'narrow',
      check: expectFunding('true', 'narrow'),
    },
  ];

  /** BENCH_OBSERVATORY_CASES='map|funding lines' runs only the cases whose name contains one of these. */
  const only = process.env.BENCH_OBSERVATORY_CASES?.split('|').map((words) => words.trim());
  const chosen = cases.filter((c) => !only || only.some((word) => c.name.includes(word)));

  type Mode = 'computed' | 'warm' | 'after write elsewhere' | 'after write in scope' | '4 readers after write in scope';
  const MODES: Mode[] = ['computed', 'warm', 'after write elsewhere', 'after write in scope', '4 readers after write in scope'];
  const writeSamples: number[] = [];
  let written = 0;

  /**
   * Every cached figure forgotten: before the rollups, a bump of the global revision; since, a real change of an
   * organisation's level (it changes the links of every pole, so every figure and partial is computed again).
   */
  async function invalidateEverything(): Promise<void> {
    const [{ legacy }]: { legacy: boolean }[] = await bench.t.dataSource.query(`SELECT to_regclass('observatory_revision') IS NOT NULL AS legacy`);
    if (legacy) await bench.t.dataSource.query(`UPDATE observatory_revision SET revision = revision + 1`);
    else {
      await bench.t.dataSource.query(
        `UPDATE organisation SET collectivite_level = CASE collectivite_level WHEN 'pnr_petr' THEN 'region' ELSE 'pnr_petr' END
          WHERE name = 'PNR / PETR 5'`,
      );
    }
  }

  /** A funding line added through the API, as a person would, timed (the write latency). */
  async function writeFunding(target: { spaceId: string; projectId: string }): Promise<void> {
    written += 1;
    const at = performance.now();
    const response = await bench.writer.post(`/api/spaces/${target.spaceId}/projects/${target.projectId}/funding-lines`, {
      funderId: funder.id,
      funderLevel: funder.level,
      year: 2012 + (written % 13),
      amountCents: 100_000 + written,
      kind: 'operating',
      status: written % 3 === 0 ? 'requested' : 'paid',
    });
    writeSamples.push(performance.now() - at);
    if (response.status !== 201) throw new Error(`funding write: ${response.status} ${JSON.stringify(response.body)}`);
  }

  async function measure(c: Case, mode: Mode): Promise<number[]> {
    const client = bench.clients[c.client];
    for (let i = 0; i < WARM_UPS; i++) {
      const response = await client.get(c.path);
      if (response.status !== 200) throw new Error(`${c.path}: ${response.status} ${JSON.stringify(response.body)}`);
      if (i === 0 && mode === 'computed') await c.check(response.body, response.headers);
    }
    const samples: number[] = [];
    const profiler = await startProfile(process.env.BENCH_OBSERVATORY_CPU_PROF);
    const started = performance.now();
    while (samples.length < RUNS && (samples.length < MIN_RUNS || performance.now() - started < BUDGET_MS)) {
      if (mode === 'computed') await invalidateEverything();
      if (mode === 'after write elsewhere') await writeFunding(bench.elsewhere);
      if (mode === 'after write in scope' || mode === '4 readers after write in scope') await writeFunding(bench.inScope);
      const readers = mode === '4 readers after write in scope' ? 4 : 1;
      if (c.asSent) {
        const results = await downloader.get(`${bench.t.url}${c.path}`, client.cookie!, readers);
        for (const { status } of results) if (status !== 200) throw new Error(`${c.path}: ${status}`);
        samples.push(...results.map((r) => r.ms));
        continue;
      }
      const timings = await Promise.all(
        Array.from({ length: readers }, async () => {
          const at = performance.now();
          const { status } = await client.get(c.path);
          if (status !== 200) throw new Error(`${c.path}: ${status}`);
          return performance.now() - at;
        }),
      );
      samples.push(...timings);
    }
    await profiler?.stop(`${c.name}-${mode}`);
    return samples;
  }

  it('measures', async () => {
    const loadAtStart = loadavg();
    const rows: (string | number)[][] = [];
    const met = (p95: number) => (p95 < TARGET_P95_MS ? '' : ' ✗');
    for (const c of chosen) {
      const figures: string[] = [];
      for (const mode of MODES) {
        const s = summary(await measure(c, mode));
        figures.push(`${s.p50} / ${s.p95}${met(s.p95)}`);
        process.stdout.write(`${c.name} — ${mode}: n ${s.n}, p50 ${s.p50} p95 ${s.p95} p99 ${s.p99} ms\n`);
      }
      rows.push([c.name, `\`GET ${c.path}\``, ...figures]);
    }
    if (chosen.some((c) => c.client === 'wide' && c.path.includes('dataset=funding_lines'))) {
      // The widest open lines file (~30 MB of CSV, kept compressed): how long the server takes to answer (its headers,
      // the kept file ready) and how long the client then takes to receive and decompress it, warm.
      const headers: number[] = [];
      const bodies: number[] = [];
      let text = '';
      // The measures above wrote lines in scope since: one read first makes and keeps the file again.
      expect((await bench.clients.wide.get('/api/observatory/export?dataset=funding_lines&format=csv')).status).toBe(200);
      for (let i = 0; i < 10; i++) {
        const at = performance.now();
        const response = await fetch(`${bench.t.url}/api/observatory/export?dataset=funding_lines&format=csv`, {
          headers: { cookie: bench.clients.wide.cookie!, 'accept-encoding': 'gzip' },
        });
        headers.push(performance.now() - at);
        const received = performance.now();
        text = await response.text();
        bodies.push(performance.now() - received);
      }
      const [h, b] = [summary(headers), summary(bodies)];
      const [sent] = await downloader.get(`${bench.t.url}/api/observatory/export?dataset=funding_lines&format=csv`, bench.clients.wide.cookie!);
      const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
      rows.push([
        `export funding lines (CSV), member of every space, warm: the server’s answer (headers) / this process receiving, gunzipping and decoding it (${mb(sent.bytes)} MB sent, ${mb(Buffer.byteLength(text))} MB of CSV)`,
        '`GET /api/observatory/export?dataset=funding_lines&format=csv`',
        '',
        `${h.p50} / ${h.p95} — ${b.p50} / ${b.p95}`,
        '',
        '',
        '',
      ]);
    }
    const [{ rollups }]: { rollups: boolean }[] = await bench.t.dataSource.query(`SELECT to_regclass('observatory_funding_rollup') IS NOT NULL AS rollups`);
    if (rollups) {
      // Told to reload everything (after a repair), a process reads every pole's facts again before answering.
      const reloads: number[] = [];
      for (let i = 0; i < 3; i++) {
        await bench.t.dataSource.query(`INSERT INTO observatory_change (source) VALUES ('all')`);
        const at = performance.now();
        expect((await bench.clients.wide.get('/api/observatory/funding')).status).toBe(200);
        reloads.push(performance.now() - at);
      }
      const reload = summary(reloads);
      rows.push([
        'first read after a repair (every fact loaded again), funding table',
        '`GET /api/observatory/funding`',
        `${reload.p50} / ${reload.p95} (n ${reload.n})`,
        '',
        '',
        '',
        '',
      ]);
      const profiler = await startProfile(process.env.BENCH_OBSERVATORY_CPU_PROF);
      rows.push(await newPeriodRow(bench.clients.wide, 'panorama'));
      await profiler?.stop('a new period');
      rows.push(await processStartRow(bench.t, bench.clients.wide.cookie!));
      const at = performance.now();
      const [{ n: rebuilt }]: { n: string }[] = await bench.t.dataSource.query(`SELECT observatory_rebuild()::text AS n`);
      const repairMs = round(performance.now() - at);
      rows.push([`repair: every rollup recomputed from the raw lines (${rebuilt} rows)`, '`SELECT observatory_rebuild()`', `${repairMs}`, '', '', '', '']);
      process.stdout.write(`reload p50 ${reload.p50} ms; repair ${repairMs} ms\n`);
    }
    const writes = summary(writeSamples);
    rows.push([
      'funding write (the rollups kept in its transaction)',
      '`POST …/funding-lines`',
      `${writes.p50} / ${writes.p95}${writes.p95 < TARGET_WRITE_P95_MS ? '' : ' ✗'} (n ${writes.n})`,
      '',
      '',
      '',
      '',
    ]);
    const table = markdownTable(['query', 'request', ...MODES.map((m) => `${m} p50 / p95 ms`)], rows);
    const n = bench.dataset.counts;
    const loaded =
      `Dataset: ${n.organisation} organisations, ${n.pole.toLocaleString('en')} poles and spaces, ${n.project.toLocaleString('en')} projects, ` +
      `${n.project_partner.toLocaleString('en')} project partners, ${n.funding_line.toLocaleString('en')} funding lines, ` +
      `${n.collectivite_relation.toLocaleString('en')} relations, ${n.space_membership.toLocaleString('en')} memberships; ` +
      `loaded in ${round(bench.dataset.loadMs / 1000)} s (${bench.dataset.steps.map((s) => `${s.label} ${s.ms} ms`).join(', ')}), ANALYZE ${round(bench.dataset.analyzeMs / 1000)} s.`;
    const [{ version }]: { version: string }[] = await bench.t.dataSource.query(`SELECT split_part(version(), ' ', 2) AS version`);
    const machine = machineLine(`PostgreSQL ${version}, client in the same process; ${WARM_UPS} warm-ups then up to ${RUNS} runs per query`, loadAtStart);
    process.stdout.write(`\nObservatory benchmark — ${machine}\n${loaded}\n${table}\n`);
    // BENCH_OBSERVATORY_BLOCK=- leaves docs/PERFORMANCE.md as it is (a profiling or trial run).
    const block = process.env.BENCH_OBSERVATORY_BLOCK ?? 'observatory';
    if (block !== '-') writeResults(block, `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}.\n\n${loaded}\n\n${table}`);
    expect(n.funding_line).toBe(DATASET.fundingLines);
    expect(n.project).toBe(DATASET.projects);
    expect(n.pole).toBe(DATASET.poles);
  });
});
