import * as Y from 'yjs';
import {
  CollabEvent,
  type JoinResult,
  type MessageAck,
  MessageType,
  SyncStep,
  decodeFrame,
  diagnosticDocument,
  readSyncBody,
  syncFrame,
  toBytes,
} from '@concerto/collab';
import { ApiClient, addMember, buildSpace } from '../../testing/api-client.js';
import { collabSocket, connected, eventually, openDocument, type OpenedDocument } from '../../testing/collab-clients.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { CollabDocumentsRepository } from './collab-documents.repository.js';

/** A sync frame of a join answer: its step and payload. */
const syncOf = (frame: unknown) => {
  const decoded = decodeFrame(toBytes(frame, Infinity));
  expect(decoded.type).toBe(MessageType.sync);
  return readSyncBody(decoded.decoder);
};

/** The join that carries the client's state vector: its answer holds the sync step 2 and the server's vector. */
describe('/collab join with a state vector', () => {
  let t: TestApp;
  let animateur: ApiClient;
  let observateur: ApiClient;
  let docName: string;
  let writer: OpenedDocument;
  const sockets: ReturnType<typeof collabSocket>[] = [];

  const rawSocket = async (client: ApiClient) => {
    const socket = collabSocket(t.url, client.cookie, { reconnection: false });
    sockets.push(socket);
    await connected(socket);
    // Every sync frame the server sends outside the join answer.
    const syncFrames: { step: SyncStep }[] = [];
    socket.on(CollabEvent.message, (payload: unknown) => {
      const frame = decodeFrame(toBytes(payload, Infinity));
      if (frame.type === MessageType.sync) syncFrames.push(readSyncBody(frame.decoder));
    });
    const join = (body: unknown) => socket.timeout(5000).emitWithAck(CollabEvent.join, body) as Promise<JoinResult>;
    const send = (frame: Uint8Array) => socket.timeout(5000).emitWithAck(CollabEvent.message, frame) as Promise<MessageAck>;
    return { socket, syncFrames, join, send };
  };

  const storedText = async () => {
    const doc = new Y.Doc();
    for (const update of await new CollabDocumentsRepository(t.dataSource).load(docName)) Y.applyUpdate(doc, update);
    return doc.getText('notes').toString();
  };

  beforeAll(async () => {
    t = await startTestApp();
    [animateur, observateur] = [new ApiClient(t.url), new ApiClient(t.url)];
    for (const c of [animateur, observateur]) await c.signUp();
    const spaceId = await buildSpace(animateur);
    await addMember(animateur, spaceId, observateur, 'observateur');
    docName = diagnosticDocument(spaceId);
    writer = await openDocument(t.url, animateur.cookie, docName);
    writer.doc.getText('notes').insert(0, 'du serveur');
    await writer.document.waitFor(['saved']);
  });
  afterAll(async () => {
    writer.close();
    for (const socket of sockets) socket.disconnect();
    await t.close();
  });

  it('answers the join with what the client lacks and the server vector; the client sends its diff, no step 1 needed', async () => {
    const mine = new Y.Doc();
    mine.getText('notes').insert(0, 'hors ligne ');
    const { join, send, syncFrames } = await rawSocket(animateur);
    const answer = await join({ doc: docName, stateVector: Y.encodeStateVector(mine) });
    if (!answer.ok) throw new Error(`join refused: ${answer.code}`);
    const step2 = syncOf(answer.step2);
    expect(step2.step).toBe(SyncStep.step2);
    Y.applyUpdate(mine, step2.payload);
    expect(mine.getText('notes').toString()).toContain('du serveur');
    const vector = syncOf(answer.stateVector);
    expect(vector.step).toBe(SyncStep.step1);
    // The server's vector lacks this copy's edit: the diff computed against it carries exactly that.
    expect(await send(syncFrame(docName, SyncStep.step2, Y.encodeStateAsUpdate(mine, vector.payload)))).toEqual({ ok: true, durable: true });
    expect(await storedText()).toContain('hors ligne');
    await eventually(() => writer.doc.getText('notes').toString().includes('hors ligne'), 5000, 'the edit relayed');
    // Nothing came as a separate sync step 1 or step 2: the join answer held it all.
    expect(syncFrames.filter((frame) => frame.step !== SyncStep.update)).toEqual([]);
  });

  it('gives a read-only joiner the step 2 and no vector to answer', async () => {
    const { join } = await rawSocket(observateur);
    const answer = await join({ doc: docName, stateVector: Y.encodeStateVector(new Y.Doc()) });
    if (!answer.ok) throw new Error(`join refused: ${answer.code}`);
    expect(answer.readOnly).toBe(true);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, syncOf(answer.step2).payload);
    expect(doc.getText('notes').toString()).toContain('du serveur');
    expect(answer.stateVector).toBeUndefined();
  });

  it('answers a join without a vector as before (an older client): no sync in the answer, step 1 then works', async () => {
    const { join, send, syncFrames } = await rawSocket(animateur);
    const answer = await join({ doc: docName });
    expect(answer).toMatchObject({ ok: true });
    expect(answer).not.toHaveProperty('step2');
    expect(answer).not.toHaveProperty('stateVector');
    expect(await send(syncFrame(docName, SyncStep.step1, Y.encodeStateVector(new Y.Doc())))).toEqual({ ok: true, durable: true });
    await eventually(() => syncFrames.some((frame) => frame.step === SyncStep.step2), 5000, 'the step 2');
  });

  it.each([
    ['a truncated vector', new Uint8Array([5, 1])],
    ['an empty vector', new Uint8Array(0)],
    ['a string', 'AAEC'],
    ['null', null],
  ])('refuses a join carrying %s and joins nothing', async (_, stateVector) => {
    const before = await storedText();
    const { join, send } = await rawSocket(animateur);
    expect(await join({ doc: docName, stateVector })).toEqual({ ok: false, doc: docName, code: 'invalid_update', message: 'Malformed state vector' });
    // Not joined: an edit is refused, nothing is stored.
    const edit = new Y.Doc();
    edit.getText('notes').insert(0, 'intrus');
    expect(await send(syncFrame(docName, SyncStep.update, Y.encodeStateAsUpdate(edit)))).toMatchObject({ ok: false, code: 'not_joined' });
    expect(await storedText()).toBe(before);
  });
});
