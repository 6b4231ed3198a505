import * as Y from 'yjs';
import { diagnosticDocument } from '@concerto/collab';
import { ApiClient, buildSpace, collabSocket, connected, createFreshDatabase, type FreshDatabase } from '@concerto/server/testing';
import { CollabClient } from '@concerto/collab';
import pg from 'pg';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

/**
 * Clients type unique tokens and record every acknowledgement; the server is killed with SIGKILL at a random
 * moment and restarted: every acknowledged token is in the stored document, and nothing is duplicated.
 */
describe('durability of acknowledged edits across a SIGKILL', () => {
  let database: FreshDatabase;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    database = await createFreshDatabase();
  });
  afterAll(async () => {
    await server?.stop();
    await database.drop();
  });

  async function storedText(name: string): Promise<string> {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const rows = await client.query(
        `SELECT data FROM (SELECT 0 AS part, 0::bigint AS id, data FROM collab_snapshot WHERE doc = $1
                           UNION ALL SELECT 1, id, data FROM collab_update WHERE doc = $1) s ORDER BY part, id`,
        [name],
      );
      const doc = new Y.Doc();
      for (const row of rows.rows) Y.applyUpdate(doc, row.data);
      return doc.getText('body').toString();
    } finally {
      await client.end();
    }
  }

  it.each([1, 2, 3])('keeps every acknowledged token (run %i)', async () => {
    server = await startServerProcess({ DATABASE_URL: database.url, SEED_DEMO: 'false' });
    const owner = new ApiClient(server.url);
    await owner.signUp();
    const name = diagnosticDocument(await buildSpace(owner));
    const writers = await Promise.all(
      [0, 1, 2, 3].map(async (w) => {
        const socket = collabSocket(server!.url, owner.cookie);
        const client = new CollabClient(socket);
        const document = client.open(name);
        await connected(socket);
        await document.waitFor(['synced', 'saved']);
        return { w, socket, client, document, tokens: [] as { token: string; version: number }[] };
      }),
    );
    let typing = true;
    const loops = writers.map(async (writer) => {
      for (let n = 0; typing; n++) {
        const token = `<${writer.w}:${n}>`;
        const text = writer.document.doc.getText('body');
        text.insert(text.length, token);
        writer.tokens.push({ token, version: writer.document.localVersion });
        await new Promise((r) => setTimeout(r, 2 + Math.random() * 6));
      }
    });
    await new Promise((r) => setTimeout(r, 300 + Math.random() * 1200));
    server.child.kill('SIGKILL');
    typing = false;
    await Promise.all(loops);
    const acknowledged = writers.flatMap((w) => w.tokens.filter((t) => t.version <= w.document.savedVersion).map((t) => t.token));
    for (const w of writers) {
      w.client.destroy();
      w.socket.disconnect();
    }
    await new Promise<void>((resolve) => (server!.child.exitCode !== null ? resolve() : server!.child.once('exit', () => resolve())));

    server = await startServerProcess({ DATABASE_URL: database.url, SEED_DEMO: 'false' });
    const text = await storedText(name);
    expect(acknowledged.length).toBeGreaterThan(20);
    const missing = acknowledged.filter((token) => !text.includes(token));
    expect(missing).toEqual([]);
    const all = writers.flatMap((w) => w.tokens.map((t) => t.token));
    const duplicated = all.filter((token) => text.split(token).length > 2);
    expect(duplicated).toEqual([]);
    // The restarted server serves the same document.
    const reader = collabSocket(server.url, owner.cookie);
    const readerClient = new CollabClient(reader);
    const readerDoc = readerClient.open(name);
    await connected(reader);
    await readerDoc.waitFor(['synced', 'saved']);
    expect(readerDoc.doc.getText('body').toString()).toBe(text);
    readerClient.destroy();
    reader.disconnect();
    await server.stop();
    server = undefined;
  });
});
