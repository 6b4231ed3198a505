import * as Y from 'yjs';
import { CollabEvent, MessageType, SyncStep, decodeFrame, diagnosticDocument, readSyncBody, toBytes } from '@concerto/collab';
import { ApiClient, buildSpace } from '../../testing/api-client.js';
import { eventually, openDocument, type OpenedDocument } from '../../testing/collab-clients.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { CollabDocumentsRepository } from './collab-documents.repository.js';
import { HOT_DOCUMENT_CLIENTS } from './collab-broadcaster.js';

/** Counts the update and awareness messages a client receives. */
function countMessages(o: OpenedDocument): { updates: number; awareness: number } {
  const counts = { updates: 0, awareness: 0 };
  o.socket.on(CollabEvent.message, (payload: unknown) => {
    const frame = decodeFrame(toBytes(payload, 1 << 24));
    if (frame.type === MessageType.awareness) counts.awareness += 1;
    else if (readSyncBody(frame.decoder).step === SyncStep.update) counts.updates += 1;
  });
  return counts;
}

describe('a hot document (many clients): merged relays of edits and presence', () => {
  const CLIENTS = HOT_DOCUMENT_CLIENTS + 8;
  let t: TestApp;
  let owner: ApiClient;
  let name: string;
  const clients: OpenedDocument[] = [];

  beforeAll(async () => {
    t = await startTestApp({ COLLAB_RELAY_INTERVAL_MS: '20', COLLAB_MAX_CONNECTIONS_PER_ACCOUNT: '100' });
    owner = new ApiClient(t.url);
    await owner.signUp();
    name = diagnosticDocument(await buildSpace(owner));
    for (let i = 0; i < CLIENTS; i++) clients.push(await openDocument(t.url, owner.cookie, name));
  }, 60_000);
  afterAll(async () => {
    for (const c of clients) c.close();
    await t.close();
  });

  it('relays simultaneous edits of every client merged, and all converge on what is stored', async () => {
    const [watcher, ...writers] = clients;
    const received = countMessages(watcher);
    for (const [i, c] of writers.entries()) c.doc.getMap('hot').set(`k${i}`, i);
    await eventually(() => clients.every((c) => c.doc.getMap('hot').size === writers.length), 10_000, 'every edit everywhere');
    // One message per relay interval, not one per edit.
    expect(received.updates).toBeGreaterThan(0);
    expect(received.updates).toBeLessThan(writers.length / 2);
    await Promise.all(writers.map((c) => c.document.waitFor(['saved'])));
    const stored = new Y.Doc();
    for (const update of await new CollabDocumentsRepository(t.dataSource).load(name)) Y.applyUpdate(stored, update);
    expect(stored.getMap('hot').toJSON()).toEqual(watcher.doc.getMap('hot').toJSON());
  });

  it('relays a burst of presence changes as their latest state, and a presence that leaves', async () => {
    const [watcher, mover, ...others] = clients;
    for (const c of [mover, ...others]) c.document.awareness.setLocalStateField('cursor', -1);
    await eventually(
      () => [mover, ...others].every((c) => watcher.document.awareness.getStates().get(c.doc.clientID)?.cursor === -1),
      10_000,
      'everyone present',
    );
    expect(watcher.document.awareness.getStates().get(mover.doc.clientID)?.user).toMatchObject({ id: owner.account!.id });

    const received = countMessages(watcher);
    for (let i = 0; i < 30; i++) mover.document.awareness.setLocalStateField('cursor', i);
    await eventually(() => watcher.document.awareness.getStates().get(mover.doc.clientID)?.cursor === 29, 5000, 'the latest cursor');
    expect(received.awareness).toBeLessThan(10);

    mover.document.awareness.setLocalState(null);
    await eventually(() => !watcher.document.awareness.getStates().has(mover.doc.clientID), 5000, 'the cleared presence gone');
    const leaving = others[0];
    leaving.close();
    await eventually(() => !watcher.document.awareness.getStates().has(leaving.doc.clientID), 5000, 'the closed client gone');
    expect(watcher.document.awareness.getStates().get(others[1].doc.clientID)?.cursor).toBe(-1);
  });
});
