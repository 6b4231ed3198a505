// The co-editing benchmark's peer: a Hocuspocus 3 server as its documentation sets it up, storing each document's
// merged state in PostgreSQL (onStoreDocument, debounced by Hocuspocus: 2 s after the last change, at most 10 s) and
// loading it back (onLoadDocument). A connection is let in when its token is the one given (compared in memory: no
// session lookup). Started by collab.bench.ts as a child process; prints "hocuspocus ready" once it listens.
import { Server } from '@hocuspocus/server';
import pg from 'pg';
import * as Y from 'yjs';

const port = Number(process.env.PORT);
const token = process.env.BENCH_TOKEN;
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
await pool.query('CREATE TABLE IF NOT EXISTS hocuspocus_document (name text PRIMARY KEY, data bytea NOT NULL)');

const server = new Server({
  port,
  address: '127.0.0.1',
  quiet: true,
  stopOnSignals: true,
  async onAuthenticate(data) {
    if (data.token !== token) throw new Error('unauthenticated');
  },
  async onLoadDocument({ documentName, document }) {
    const { rows } = await pool.query('SELECT data FROM hocuspocus_document WHERE name = $1', [documentName]);
    if (rows[0]) Y.applyUpdate(document, rows[0].data);
    return document;
  },
  async onStoreDocument({ documentName, document }) {
    await pool.query('INSERT INTO hocuspocus_document (name, data) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET data = excluded.data', [
      documentName,
      Buffer.from(Y.encodeStateAsUpdate(document)),
    ]);
  },
  async onDestroy() {
    await pool.end();
  },
});
await server.listen();
process.stdout.write('hocuspocus ready\n');
