import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import * as Y from 'yjs';
import { diagnosticDocument } from '@concerto/collab';
import { type ApiClient, buildSpace, findProjectRoot, freePort } from '@concerto/server/testing';
import type { Target } from './load-workers.js';

/** One server under test, as the benchmark drives it. */
export interface BenchTarget {
  name: Target;
  label: string;
  url: string;
  /** What its clients present: Concerto's session cookie, Hocuspocus's token. */
  secret: string;
  pid: number;
  databaseUrl: string;
  /** `count` new documents (Concerto: a new space's diagnostic each). */
  documents(count: number): Promise<string[]>;
  /** The stored state of a document, as a Y.Doc (everything the server stored). */
  stored(name: string): Promise<Y.Doc>;
  /** Writes the state of a document of 100,000 updates so that the next join loads it cold. */
  storeColdDocument(name: string, updates: Buffer[], merged: Buffer): Promise<void>;
}

export async function query<T>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** The pids of the PostgreSQL backends serving a database (their CPU is read from /proc). */
export async function postgresBackends(url: string): Promise<number[]> {
  const rows = await query<{ pid: number }>(url, 'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
  return rows.map((r) => r.pid);
}

function docFrom(updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => updates.forEach((u) => Y.applyUpdate(doc, u)));
  return doc;
}

export function concertoTarget(url: string, pid: number, databaseUrl: string, owner: ApiClient): BenchTarget {
  return {
    name: 'concerto',
    label: 'Concerto',
    url,
    secret: owner.cookie!,
    pid,
    databaseUrl,
    async documents(count) {
      const names: string[] = [];
      for (let i = 0; i < count; i++) names.push(diagnosticDocument(await buildSpace(owner, { title: `Banc d'essai ${i}` })));
      return names;
    },
    async stored(name) {
      const snapshot = await query<{ data: Buffer }>(databaseUrl, 'SELECT data FROM collab_snapshot WHERE doc = $1', [name]);
      const log = await query<{ data: Buffer }>(databaseUrl, 'SELECT data FROM collab_update WHERE doc = $1 ORDER BY id', [name]);
      return docFrom([...snapshot, ...log].map((r) => r.data));
    },
    async storeColdDocument(name, updates, merged) {
      // Written as the server does: the log folded into the snapshot every 500 updates, the last 250 still in the log.
      await query(databaseUrl, `INSERT INTO collab_update (doc, data) SELECT $1, unnest($2::bytea[])`, [name, updates.slice(-250)]);
      await query(databaseUrl, `INSERT INTO collab_snapshot (doc, data, folded_updates) VALUES ($1, $2, $3)`, [name, merged, updates.length - 250]);
    },
  };
}

export interface HocuspocusProcess {
  target: BenchTarget;
  child: ChildProcess;
  stop(): Promise<void>;
}

let hocuspocusDocuments = 0;

/** Starts the peer (tests/bench/hocuspocus-server.mjs) with `wrap` (e.g. taskset) and waits until it listens. */
export async function startHocuspocus(databaseUrl: string, wrap: string[], nodeArgs: string[] = []): Promise<HocuspocusProcess> {
  const port = await freePort();
  const token = `bench-${Math.random().toString(36).slice(2)}`;
  const script = join(findProjectRoot(), 'tests/bench/hocuspocus-server.mjs');
  const [command, ...args] = [...wrap, process.execPath, ...nodeArgs, script];
  const child = spawn(command, args, {
    cwd: findProjectRoot(),
    env: { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl, BENCH_TOKEN: token },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('hocuspocus ready')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`hocuspocus exited with ${code}:\n${output}`)));
  });
  const target: BenchTarget = {
    name: 'hocuspocus',
    label: 'Hocuspocus 3.4.4',
    url: `ws://127.0.0.1:${port}`,
    secret: token,
    pid: child.pid!,
    databaseUrl,
    documents(count) {
      return Promise.resolve(Array.from({ length: count }, () => `bench/${++hocuspocusDocuments}`));
    },
    async stored(name) {
      const rows = await query<{ data: Buffer }>(databaseUrl, 'SELECT data FROM hocuspocus_document WHERE name = $1', [name]);
      return docFrom(rows.map((r) => r.data));
    },
    async storeColdDocument(name, _updates, merged) {
      // Hocuspocus stores a document's merged state only.
      await query(databaseUrl, 'INSERT INTO hocuspocus_document (name, data) VALUES ($1, $2)', [name, merged]);
    },
  };
  return {
    target,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Whether a replica holds exactly what is stored: same state vector, same edits in the benchmark's map. */
export function sameState(replica: Uint8Array, stored: Y.Doc): boolean {
  const doc = docFrom([replica]);
  const a = Buffer.from(Y.encodeStateVector(doc));
  const b = Buffer.from(Y.encodeStateVector(stored));
  return a.equals(b) && doc.getMap('bench').size === stored.getMap('bench').size;
}
