import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { CollabEvent, type CollabStatus, diagnosticDocument, readSections, sectionContentKey } from '@concerto/collab';
import { ApiClient, buildSpace } from '../../testing/api-client.js';
import { openDocument, type OpenedDocument } from '../../testing/collab-clients.js';
import { embeddedPostgresUnreachable } from '../database/embedded-postgres.js';
import { loadEmbeddedPostgres } from '../database/reachable-postgres.mjs';
import { freePort } from '../../testing/free-port.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { CollabDocumentsRepository } from './collab-documents.repository.js';

interface PrivateCluster {
  url: string;
  /** Stops the postmaster as `pg_ctl stop -m fast` (SIGINT) or `-m immediate` (SIGQUIT) would. */
  stop(mode: 'fast' | 'immediate'): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

/** A PostgreSQL of the test's own (never the machine's), from the embedded-postgres binaries. */
async function privateCluster(): Promise<PrivateCluster> {
  // The same loader as the server's: run as root from a folder `postgres` cannot reach, it runs a reachable copy.
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const dir = await mkdtemp(join(tmpdir(), 'concerto-outage-'));
  await chmod(dir, 0o755);
  const port = await freePort();
  const isRoot = process.getuid?.() === 0;
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user: 'postgres',
    password: 'outage',
    persistent: true,
    createPostgresUser: isRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off'],
    onLog: () => undefined,
    onError: () => undefined,
  });
  await server.initialise();
  await server.start();
  const handle = server as unknown as { process?: ChildProcess };
  return {
    url: `postgres://postgres:outage@127.0.0.1:${port}/postgres`,
    stop: async (mode) => {
      const postmaster = handle.process;
      if (!postmaster) return;
      const exited = once(postmaster, 'exit');
      postmaster.kill(mode === 'fast' ? 'SIGINT' : 'SIGQUIT');
      await exited;
      handle.process = undefined;
    },
    start: () => server.start(),
    destroy: async () => {
      await server.stop().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * PostgreSQL stops and restarts under a connected client (the one the browser uses): every join is answered, the
 * client rejoins by itself, says "Reconnexion…" meanwhile (never "Enregistré"), and its edit made during the outage
 * is stored once the database is back.
 */
// Run as root from a folder the `postgres` user cannot reach, no private cluster can start here: say so and skip.
const unreachable = embeddedPostgresUnreachable(tmpdir());
if (unreachable) process.stderr.write(`storage-outage tests skipped: ${unreachable}\n`);
const describeWithPrivateCluster = unreachable ? describe.skip : describe;

describeWithPrivateCluster('co-editing through a database outage', () => {
  let cluster: PrivateCluster;
  let t: TestApp;
  let owner: ApiClient;
  let name: string;
  const opened: OpenedDocument[] = [];

  beforeAll(async () => {
    cluster = await privateCluster();
    t = await startTestApp({}, { databaseServerUrl: cluster.url });
    owner = new ApiClient(t.url);
    await owner.signUp();
    name = diagnosticDocument(await buildSpace(owner));
  }, 60_000);
  afterAll(async () => {
    for (const o of opened) o.close();
    await t.close().catch(() => undefined);
    await cluster.destroy();
  }, 60_000);

  const textOf = (o: OpenedDocument) => o.doc.getXmlFragment(sectionContentKey(readSections(o.doc)[0].id)).toString();

  it.each(['fast', 'immediate'] as const)(
    'resumes by itself after a restart (-m %s) and stores the edit made meanwhile',
    async (mode) => {
      const writer = await openDocument(t.url, owner.cookie, name);
      opened.push(writer);
      const fragment = writer.doc.getXmlFragment(sectionContentKey(readSections(writer.doc)[0].id));
      const paragraph = new Y.XmlElement('paragraph');
      const text = new Y.XmlText();
      writer.doc.transact(() => {
        fragment.insert(fragment.length, [paragraph]);
        paragraph.insert(0, [text]);
        text.insert(0, `avant (${mode})`);
      });
      await writer.document.waitFor(['saved']);

      await cluster.stop(mode);
      const statuses: CollabStatus[] = [];
      writer.document.onStatus((status) => statuses.push(status)); // called at once with the current status: saved
      text.insert(text.length, ' pendant la panne');
      await writer.document.waitFor(['reconnecting']);
      // A join while the database is down is answered, with an error code (never silence).
      expect(await writer.socket.timeout(10_000).emitWithAck(CollabEvent.join, { doc: name })).toMatchObject({ ok: false, code: 'storage_failed' });

      await cluster.start();
      await writer.document.waitFor(['saved']);
      expect(statuses).toContain('reconnecting');
      expect(statuses.slice(1, statuses.indexOf('reconnecting'))).not.toContain('saved');
      expect(writer.socket.connected).toBe(true);

      const stored = new Y.Doc();
      for (const update of await new CollabDocumentsRepository(t.dataSource).load(name)) Y.applyUpdate(stored, update);
      expect(stored.getXmlFragment(sectionContentKey(readSections(writer.doc)[0].id)).toString()).toContain(`avant (${mode}) pendant la panne`);
      const fresh = await openDocument(t.url, owner.cookie, name);
      opened.push(fresh);
      expect(textOf(fresh)).toBe(textOf(writer));
    },
    90_000,
  );
});
