import { cpus, totalmem } from 'node:os';
import pg from 'pg';
import * as Y from 'yjs';
import { diagnosticDocument } from '@concerto/collab';
import { ApiClient, buildSpace, createFreshDatabase, type FreshDatabase } from '@concerto/server/testing';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { openLoadClient } from './collab-load.js';
import { LoadWorkers } from './load-workers.js';
import { writeResults } from './performance-doc.js';
import { cpuTimeMs, machineCpuTicks, peakRssMiB } from './process-stats.js';
import { markdownTable, round, summary } from './stats.js';

const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 15_000);
const THREADS = Number(process.env.BENCH_THREADS ?? 2);
/** Log and snapshots together: compaction moves bytes from one to the other. */
const STORED_BYTES = `SELECT (SELECT coalesce(sum(octet_length(data)), 0) FROM collab_update WHERE doc = ANY($1))
  + (SELECT coalesce(sum(octet_length(data)), 0) FROM collab_snapshot WHERE doc = ANY($1)) AS bytes`;

/**
 * Load generator of real clients (socket.io + the collab provider + Yjs) against the built server started as a
 * child process, on this machine: propagation and durable-ack latencies, throughput, server CPU and memory,
 * storage per edit; then 1,000 clients connecting at once, and the cold load of a 100,000-update document.
 */
describe('co-editing benchmark', () => {
  let database: FreshDatabase;
  let server: ServerProcess;
  let owner: ApiClient;
  const rows: (string | number)[][] = [];

  beforeAll(async () => {
    database = await createFreshDatabase();
    server = await startServerProcess({
      DATABASE_URL: database.url,
      SEED_DEMO: 'false',
      COLLAB_MAX_CLIENTS_PER_DOCUMENT: '1000',
      COLLAB_MAX_CONNECTIONS_PER_ACCOUNT: '1000',
      COLLAB_IDLE_UNLOAD_MS: '300',
    });
    owner = new ApiClient(server.url);
    await owner.signUp();
  });
  afterAll(async () => {
    await server.stop();
    await database.drop();
  });

  async function query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  }

  async function documents(count: number): Promise<string[]> {
    const names: string[] = [];
    for (let i = 0; i < count; i++) names.push(diagnosticDocument(await buildSpace(owner, { title: `Banc d'essai ${i}` })));
    return names;
  }

  async function scenario(label: string, docs: number, perDocument: number, intervalMs: number) {
    const names = await documents(docs);
    const load = LoadWorkers.create(server.url, owner.cookie!, names, perDocument, THREADS);
    await load.open();
    const storedBefore = await query<{ bytes: string }>(STORED_BYTES, [names]);
    const cpuBefore = cpuTimeMs(server.child.pid!);
    // The load generator's threads run in this process (its main thread only waits meanwhile).
    const generatorBefore = cpuTimeMs(process.pid);
    const machineBefore = machineCpuTicks();
    const started = performance.now();
    const m = await load.edit(intervalMs, DURATION_MS);
    const seconds = DURATION_MS / 1000;
    const elapsed = performance.now() - started;
    const cpu = (cpuTimeMs(server.child.pid!) - cpuBefore) / elapsed;
    const generatorCpu = (cpuTimeMs(process.pid) - generatorBefore) / elapsed;
    const machineAfter = machineCpuTicks();
    const machineBusy = (machineAfter.busy - machineBefore.busy) / Math.max(1, machineAfter.total - machineBefore.total);
    const storedAfter = await query<{ bytes: string }>(STORED_BYTES, [names]);
    const expectedDeliveries = m.edits * (perDocument - 1);
    const p = summary(m.propagation);
    const a = summary(m.durableAck);
    rows.push([
      label,
      p.p50,
      p.p95,
      p.p99,
      a.p50,
      a.p99,
      round(m.edits / seconds, 0),
      round(m.deliveries / seconds, 0),
      `${round((m.deliveries / Math.max(1, expectedDeliveries)) * 100, 1)} %`,
      `${round(cpu * 100, 0)} %`,
      `${round(generatorCpu * 100, 0)} %`,
      `${round(machineBusy * 100, 0)} %`,
      peakRssMiB(server.child.pid!),
      round((Number(storedAfter[0].bytes) - Number(storedBefore[0].bytes)) / Math.max(1, m.edits), 0),
    ]);
    await load.close();
    return m;
  }

  it('20 documents × 10 clients, one edit each per 500 ms', async () => {
    const m = await scenario('20 docs × 10 clients', 20, 10, 500);
    expect(m.deliveries).toBeGreaterThan(0);
  });

  it('100 documents × 10 clients, one edit each per 500 ms', async () => {
    const m = await scenario('100 docs × 10 clients', 100, 10, 500);
    expect(m.deliveries).toBeGreaterThan(0);
  });

  it('hot document: 1 document × 200 clients, one edit each per 500 ms', async () => {
    const m = await scenario('hot document: 1 × 200 clients', 1, 200, 500);
    expect(m.deliveries).toBeGreaterThan(0);
  });

  it('1,000 clients connecting within a few seconds', async () => {
    const names = await documents(100);
    const load = LoadWorkers.create(server.url, owner.cookie!, names, 10, THREADS, 3000);
    const started = performance.now();
    const connectMs = await load.open();
    const total = performance.now() - started;
    const s = summary(connectMs);
    rows.push([
      `1,000 clients connecting over 3 s (connect → synced)`,
      s.p50,
      s.p95,
      s.p99,
      '',
      '',
      '',
      '',
      `${connectMs.length} synced in ${round(total / 1000, 1)} s`,
      '',
      '',
      '',
      peakRssMiB(server.child.pid!),
      '',
    ]);
    await load.close();
    expect(connectMs).toHaveLength(1000);
  });

  it('cold load of a document with 100,000 stored updates', async () => {
    const [compacted, raw] = await documents(2);
    // 100,000 real Yjs updates (one per keystroke of a single writer).
    const writer = new Y.Doc();
    const updates: Buffer[] = [];
    writer.on('update', (u: Uint8Array) => updates.push(Buffer.from(u)));
    const text = writer.getText('body');
    for (let i = 0; i < 100_000; i++) text.insert(text.length, i % 50 === 49 ? '\n' : String.fromCharCode(97 + (i % 26)));
    // `raw`: all of them still in the log; `compacted`: written as the server does, folded every 500 updates.
    for (let i = 0; i < updates.length; i += 5000) {
      const batch = updates.slice(i, i + 5000);
      await query(`INSERT INTO collab_update (doc, data) SELECT $1, unnest($2::bytea[])`, [raw, batch]);
      await query(`INSERT INTO collab_update (doc, data) SELECT $1, unnest($2::bytea[])`, [compacted, batch]);
    }
    const merged = Buffer.from(Y.encodeStateAsUpdate(writer));
    await query(`DELETE FROM collab_update WHERE doc = $1 AND id NOT IN (SELECT id FROM collab_update WHERE doc = $1 ORDER BY id DESC LIMIT 250)`, [compacted]);
    await query(`INSERT INTO collab_snapshot (doc, data, folded_updates) VALUES ($1, $2, 99750)`, [compacted, merged]);
    const coldLoad = async (name: string, run: number) => {
      const started = performance.now();
      const client = await openLoadClient(server.url, owner.cookie!, name, run);
      const elapsed = performance.now() - started;
      expect(client.document.doc.getText('body').length).toBe(100_000);
      client.close();
      // The server unloads the idle document, so that the next run loads it from the database again.
      await new Promise((r) => setTimeout(r, 1500));
      return elapsed;
    };
    const samples: number[] = [];
    for (let run = 0; run < 5; run++) samples.push(await coldLoad(compacted, run));
    const s = summary(samples);
    rows.push([
      'cold load (join → synced), 100,000 updates: snapshot + 250 in the log',
      s.p50,
      s.p95,
      s.p99,
      '',
      '',
      '',
      '',
      `${samples.length} loads`,
      '',
      '',
      '',
      peakRssMiB(server.child.pid!),
      '',
    ]);
    const first = await coldLoad(raw, 0);
    rows.push([
      'cold load, 100,000 updates all still in the log (first load; compacted right after)',
      round(first),
      '',
      '',
      '',
      '',
      '',
      '',
      '1 load',
      '',
      '',
      '',
      peakRssMiB(server.child.pid!),
      '',
    ]);
    const afterCompaction = await coldLoad(raw, 1);
    rows.push([
      '… the same document at its next load',
      round(afterCompaction),
      '',
      '',
      '',
      '',
      '',
      '',
      '1 load',
      '',
      '',
      '',
      peakRssMiB(server.child.pid!),
      '',
    ]);
  });

  afterAll(() => {
    const table = markdownTable(
      [
        'scenario',
        'propagation p50 ms',
        'p95 ms',
        'p99 ms',
        'durable ack p50 ms',
        'p99 ms',
        'edits/s',
        'deliveries/s',
        'delivered',
        'server CPU',
        'load generator CPU',
        'machine busy (all cores)',
        'server peak RSS MiB',
        'bytes stored / edit',
      ],
      rows,
    );
    const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load generator on the same machine`;
    process.stdout.write(`\nCo-editing benchmark — ${machine}\n${table}\n`);
    writeResults('collab', `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}; ${DURATION_MS / 1000} s of editing per scenario.\n\n${table}`);
  });
});
