import { readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { ApiClient, createFreshDatabase, type FreshDatabase } from '@concerto/server/testing';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { type BenchTarget, type HocuspocusProcess, concertoTarget, postgresBackends, sameState, startHocuspocus } from './collab-load.js';
import { LoadWorkers, type Measurements } from './load-workers.js';
import { writeResults } from './performance-doc.js';
import { cpuTimeMs, cpuTimesMs, pinProcess, postgresCpuBetween, rssMiB } from './process-stats.js';
import { markdownTable, round, summary } from './stats.js';

const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 15_000);
const THREADS = Number(process.env.BENCH_THREADS ?? 1);
/** Share of the clients that keep a full replica (checked against the stored document at the end). */
const FULL_FRACTION = Number(process.env.BENCH_FULL_FRACTION ?? 0.05);
const SERVER_CORE = process.env.BENCH_SERVER_CORE ?? '1';
const GENERATOR_CORE = process.env.BENCH_GENERATOR_CORE ?? '0';
/** A folder: the servers run with `node --cpu-prof` and write their profiles there when they stop. */
const CPU_PROF_DIR = process.env.BENCH_CPU_PROF_DIR;
/**
 * A folder: the servers write a heap snapshot there at rest and with the 1 000 clients of the connect scenario
 * connected (`--heapsnapshot-signal`); the RSS figures of such a run include the snapshots' own cost.
 */
const HEAP_SNAPSHOT_DIR = process.env.BENCH_HEAP_SNAPSHOT_DIR;
/** Another checkout holding a built server (e.g. a worktree of an earlier commit), to measure it instead; its run does not rewrite the document. */
const SERVER_ROOT = process.env.BENCH_SERVER_ROOT;
/** Which targets to run (`concerto,hocuspocus` by default). */
const TARGETS = (process.env.BENCH_TARGETS ?? 'concerto,hocuspocus').split(',');
/** Which scenarios to run, by a word of their name (`BENCH_SCENARIOS=connect,cold`); all by default. */
const SCENARIOS = process.env.BENCH_SCENARIOS?.split(',').map((word) => word.trim().toLowerCase());
const scenarioIt = (name: string, fn: () => Promise<void>) =>
  (SCENARIOS && !SCENARIOS.some((word) => name.toLowerCase().includes(word)) ? it.skip : it)(name, fn);
/** A generator above this share of its core, or whose event loop lags more, measured itself as much as the server. */
const SATURATED_CPU = 0.9;
const SATURATED_LOOP_P99_MS = 20;

interface EditingFigures {
  m: Measurements;
  expected: number;
  serverCpuMs: number;
  elapsedMs: number;
  postgresCpuMs: number;
  generatorCpu: number;
  rss: number;
  converged: string;
}

/** With BENCH_HEAP_SNAPSHOT_DIR: signals the server to write a heap snapshot, and waits until it is written. */
async function heapSnapshot(target: BenchTarget, moment: string): Promise<void> {
  if (!HEAP_SNAPSHOT_DIR) return;
  const before = new Set(readdirSync(HEAP_SNAPSHOT_DIR));
  process.kill(target.pid, 'SIGUSR2');
  for (let waited = 0; waited < 120_000; waited += 500) {
    await new Promise((r) => setTimeout(r, 500));
    const written = readdirSync(HEAP_SNAPSHOT_DIR).find((f) => !before.has(f) && f.endsWith('.heapsnapshot'));
    // The server writes the snapshot from its main thread: done once the file stops growing for a second.
    if (written && statSync(join(HEAP_SNAPSHOT_DIR, written)).size > 0) {
      const size = statSync(join(HEAP_SNAPSHOT_DIR, written)).size;
      await new Promise((r) => setTimeout(r, 1000));
      if (statSync(join(HEAP_SNAPSHOT_DIR, written)).size !== size) continue;
      renameSync(join(HEAP_SNAPSHOT_DIR, written), join(HEAP_SNAPSHOT_DIR, `${target.name}-${moment}.heapsnapshot`));
      return;
    }
  }
  throw new Error(`no heap snapshot from ${target.label}`);
}

const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${round(a / b, 2)}` : '');
const both = (values: (string | number)[]) => values.join(' / ');

/**
 * Co-editing, Concerto beside Hocuspocus in the same run: each server is a child process pinned to one core
 * (`taskset`), the load generator (this process's worker threads) to the other. Same scenarios, same generator, same
 * edits, one server after the other. See docs/PERFORMANCE.md for what each figure means.
 */
describe('co-editing benchmark, Concerto beside Hocuspocus', () => {
  let concertoDb: FreshDatabase;
  let hocuspocusDb: FreshDatabase;
  let server: ServerProcess;
  let hocuspocus: HocuspocusProcess;
  let targets: BenchTarget[];
  const restRss: Record<string, number> = {};
  const editingRows: (string | number)[][] = [];
  const otherRows: (string | number)[][] = [];

  beforeAll(async () => {
    // Worker threads inherit the affinity of the thread that starts them.
    pinProcess(GENERATOR_CORE);
    const wrap = ['taskset', '-c', SERVER_CORE];
    const nodeArgs = [
      ...(CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF_DIR}`] : []),
      ...(HEAP_SNAPSHOT_DIR ? ['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${HEAP_SNAPSHOT_DIR}`] : []),
      ...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
    ];
    concertoDb = await createFreshDatabase();
    hocuspocusDb = await createFreshDatabase();
    server = await startServerProcess(
      {
        DATABASE_URL: concertoDb.url,
        SEED_DEMO: 'false',
        COLLAB_MAX_CLIENTS_PER_DOCUMENT: '1000',
        COLLAB_MAX_CONNECTIONS_PER_ACCOUNT: '1000',
        COLLAB_IDLE_UNLOAD_MS: '300',
        LOG_LEVEL: 'warn',
      },
      // BENCH_CONCERTO_NODE_ARGS: node flags for Concerto alone (e.g. a V8 setting tried against the peer at its defaults).
      { wrap, nodeArgs: [...nodeArgs, ...(process.env.BENCH_CONCERTO_NODE_ARGS?.split(' ').filter(Boolean) ?? [])], root: SERVER_ROOT },
    );
    hocuspocus = await startHocuspocus(hocuspocusDb.url, wrap, nodeArgs);
    const owner = new ApiClient(server.url);
    await owner.signUp();
    const all = [concertoTarget(server.url, server.child.pid!, concertoDb.url, owner), hocuspocus.target];
    targets = all.filter((t) => TARGETS.includes(t.name));
    await new Promise((r) => setTimeout(r, 1000));
    for (const t of targets) restRss[t.name] = rssMiB(t.pid);
    for (const t of targets) await heapSnapshot(t, 'rest');
  });

  afterAll(async () => {
    await server?.stop();
    // BENCH_SERVER_LOG=<file>: what Concerto printed (e.g. with BENCH_NODE_ARGS=--trace-gc).
    if (process.env.BENCH_SERVER_LOG && server) writeFileSync(process.env.BENCH_SERVER_LOG, server.output());
    await hocuspocus?.stop();
    await concertoDb?.drop();
    await hocuspocusDb?.drop();
  });

  async function editOn(target: BenchTarget, docs: number, perDocument: number, rate: number): Promise<EditingFigures> {
    process.stderr.write(`[collab bench] ${new Date().toISOString().slice(11, 19)} ${target.label}: ${docs} × ${perDocument} at ${rate} edits/s\n`);
    const names = await target.documents(docs);
    const load = LoadWorkers.create({
      target: target.name,
      url: target.url,
      secret: target.secret,
      names,
      perDocument,
      fullFraction: FULL_FRACTION,
      threads: THREADS,
    });
    await load.open();
    const backendsBefore = await postgresBackends(target.databaseUrl);
    const pgBefore = cpuTimesMs(backendsBefore);
    const serverBefore = cpuTimeMs(target.pid);
    // The generator's threads run in this process (its main thread only waits meanwhile).
    const generatorBefore = cpuTimeMs(process.pid);
    const started = performance.now();
    const m = await load.edit(rate, DURATION_MS);
    const elapsedMs = performance.now() - started;
    const serverCpuMs = cpuTimeMs(target.pid) - serverBefore;
    const generatorCpu = (cpuTimeMs(process.pid) - generatorBefore) / elapsedMs;
    const backendsAfter = await postgresBackends(target.databaseUrl);
    const postgresCpuMs = postgresCpuBetween(pgBefore, cpuTimesMs([...new Set([...backendsBefore, ...backendsAfter])]));
    const rss = rssMiB(target.pid);
    await load.close();
    // Full replicas against the stored document (Hocuspocus stores after a debounce, or when the last client leaves).
    let converged = 0;
    for (const replica of m.replicas) {
      for (let attempt = 0; attempt < 30; attempt++) {
        if (sameState(replica.state, await target.stored(replica.name))) {
          converged += 1;
          break;
        }
        await new Promise((r) => setTimeout(r, 500));
      }
    }
    return {
      m,
      expected: m.edits * (perDocument - 1),
      serverCpuMs,
      elapsedMs,
      postgresCpuMs,
      generatorCpu,
      rss,
      converged: `${converged}/${m.replicas.length}`,
    };
  }

  async function scenario(label: string, docs: number, perDocument: number, rate: number) {
    const figures: EditingFigures[] = [];
    for (const target of targets) figures.push(await editOn(target, docs, perDocument, rate));
    const p = figures.map((f) => summary(f.m.propagation));
    const a = figures.map((f) => summary(f.m.durableAck));
    const perDelivery = figures.map((f) => (f.serverCpuMs * 1000) / Math.max(1, f.m.deliveries));
    const generator = figures.map((f) => {
      const saturated = f.generatorCpu > SATURATED_CPU || f.m.loopDelay.p99 > SATURATED_LOOP_P99_MS || f.m.behind > f.m.edits * 0.01;
      return `${round(f.generatorCpu * 100, 0)} % · ${round(f.m.loopDelay.p99, 1)} ms${saturated ? ' ⚠ saturated' : ''}`;
    });
    editingRows.push([
      label,
      both(p.map((s) => s.p50)),
      both(p.map((s) => s.p95)),
      both(p.map((s) => s.p99)),
      both(figures.map((f) => `${round((f.m.deliveries / Math.max(1, f.expected)) * 100, 1)} %`)),
      both(a.map((s) => s.p50)),
      both(a.map((s) => s.p99)),
      both(perDelivery.map((v) => round(v, 1))),
      both(figures.map((f) => `${round((f.serverCpuMs / f.elapsedMs) * 100, 0)} %`)),
      both(figures.map((f) => f.rss)),
      both(figures.map((f) => `${round((f.postgresCpuMs / f.elapsedMs) * 100, 1)} %`)),
      both(figures.map((f) => round(f.m.edits / (DURATION_MS / 1000), 0))),
      both(generator),
      both(figures.map((f) => f.converged)),
      figures.length === 2 ? `${ratio(p[0].p99, p[1].p99)} · ${ratio(perDelivery[0], perDelivery[1])}` : '',
    ]);
    return figures;
  }

  scenarioIt('20 documents × 10 clients, 400 edits/s', async () => {
    const f = await scenario('20 docs × 10 clients, 400 edits/s', 20, 10, 400);
    expect(f[0].m.deliveries).toBeGreaterThan(0);
  });

  scenarioIt('100 documents × 10 clients, 2,000 edits/s', async () => {
    const f = await scenario('100 docs × 10 clients, 2 000 edits/s', 100, 10, 2000);
    expect(f[0].m.deliveries).toBeGreaterThan(0);
  });

  scenarioIt('hot document: 1 document × 200 clients, 400 edits/s', async () => {
    const f = await scenario('1 doc × 200 clients, 400 edits/s', 1, 200, 400);
    expect(f[0].m.deliveries).toBeGreaterThan(0);
  });

  scenarioIt('hot document: 1 document × 200 clients, 100 edits/s', async () => {
    const f = await scenario('1 doc × 200 clients, 100 edits/s', 1, 200, 100);
    expect(f[0].m.deliveries).toBeGreaterThan(0);
  });

  scenarioIt('1,000 clients connect and sync at once', async () => {
    const cells: { seconds: number; p50: number; p99: number; rss: number; cpuMs: number; synced: number }[] = [];
    for (const target of targets) {
      const names = await target.documents(100);
      const load = LoadWorkers.create({
        target: target.name,
        url: target.url,
        secret: target.secret,
        names,
        perDocument: 10,
        fullFraction: 0,
        threads: THREADS,
      });
      await new Promise((r) => setTimeout(r, 200)); // the worker threads start
      const cpuBefore = cpuTimeMs(target.pid);
      const started = performance.now();
      const connectMs = await load.open();
      const seconds = (performance.now() - started) / 1000;
      const s = summary(connectMs);
      cells.push({ seconds, p50: s.p50, p99: s.p99, rss: rssMiB(target.pid), cpuMs: cpuTimeMs(target.pid) - cpuBefore, synced: connectMs.length });
      await heapSnapshot(target, 'connected');
      await load.close();
      expect(connectMs).toHaveLength(1000);
    }
    otherRows.push(['1 000 clients connect and sync (100 docs × 10): clients per second', both(cells.map((c) => round(c.synced / c.seconds, 0)))]);
    otherRows.push(['… all synced after (s)', both(cells.map((c) => round(c.seconds, 2)))]);
    otherRows.push(['… connect → synced p50 · p99 (ms)', both(cells.map((c) => `${c.p50} · ${c.p99}`))]);
    otherRows.push(['… server CPU per connection (ms)', both(cells.map((c) => round(c.cpuMs / c.synced, 2)))]);
    otherRows.push(['… server RSS with 1 000 connected clients (MiB)', both(cells.map((c) => c.rss))]);
  });

  scenarioIt('cold load of a document of 100,000 updates', async () => {
    // 100,000 real Yjs updates (one per keystroke of a single writer).
    const writer = new Y.Doc();
    const updates: Buffer[] = [];
    writer.on('update', (u: Uint8Array) => updates.push(Buffer.from(u)));
    const text = writer.getText('body');
    for (let i = 0; i < 100_000; i++) text.insert(text.length, i % 50 === 49 ? '\n' : String.fromCharCode(97 + (i % 26)));
    const merged = Buffer.from(Y.encodeStateAsUpdate(writer));
    const loads: number[][] = [];
    for (const target of targets) {
      const [name] = await target.documents(1);
      await target.storeColdDocument(name, updates, merged);
      const samples: number[] = [];
      for (let run = 0; run < 5; run++) {
        const load = LoadWorkers.create({
          target: target.name,
          url: target.url,
          secret: target.secret,
          names: [name],
          perDocument: 1,
          fullFraction: 0,
          threads: 1,
        });
        samples.push(...(await load.open()));
        await load.close();
        // Both servers unload a document nobody uses (Concerto after COLLAB_IDLE_UNLOAD_MS, Hocuspocus at once).
        await new Promise((r) => setTimeout(r, 1500));
      }
      loads.push(samples);
    }
    otherRows.push([
      'cold load (join → synced), 100 000 updates (Concerto: snapshot + 250 in the log; Hocuspocus: its merged state), p50 · p99 (ms), 5 loads',
      both(loads.map((s) => `${summary(s).p50} · ${summary(s).p99}`)),
    ]);
  });

  afterAll(() => {
    otherRows.push(['server RSS at rest, before any load (MiB)', both(targets.map((t) => restRss[t.name]))]);
    const editing = markdownTable(
      [
        'scenario',
        'propagation p50 ms',
        'p95 ms',
        'p99 ms',
        'delivered',
        'ack p50 ms (Concerto: durable)',
        'ack p99 ms',
        'server CPU µs / delivery',
        'server CPU (1 core = 100 %)',
        'server RSS MiB',
        'PostgreSQL CPU',
        'edits/s sent',
        'generator CPU · loop delay p99',
        'full replicas = stored',
        'C/H ratio: p99 · CPU/delivery',
      ],
      editingRows,
    );
    const other = markdownTable(['scenario', 'Concerto / Hocuspocus'], otherRows);
    const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
    const conditions =
      `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine}. Each server pinned to core ${SERVER_CORE} (\`taskset\`), ` +
      `the load generator (${THREADS} worker thread${THREADS > 1 ? 's' : ''}) to core ${GENERATOR_CORE}; PostgreSQL unpinned. ${DURATION_MS / 1000} s of editing per scenario and server, ` +
      `${round(FULL_FRACTION * 100, 0)} % of the clients full replicas, the others light. Every cell is Concerto / Hocuspocus.`;
    process.stdout.write(`\n${SERVER_ROOT ? `Concerto built in ${SERVER_ROOT}. ` : ''}${conditions}\n\n${editing}\n\n${other}\n`);
    // Only a complete run (every scenario, both servers, 15 s or more of editing) rewrites the document.
    if (targets.length === 2 && editingRows.length === 4 && otherRows.length === 7 && DURATION_MS >= 15_000 && !SERVER_ROOT)
      writeResults('collab', `${conditions}\n\n${editing}\n\n${other}`);
  });
});
