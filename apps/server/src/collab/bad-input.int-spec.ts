import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { CollabEvent, MessageType, SyncStep, diagnosticDocument, encodeFrame, syncFrame } from '@concerto/collab';
import { ApiClient, buildSpace } from '../../testing/api-client.js';
import { collabSocket, connected, eventually, openDocument, type OpenedDocument } from '../../testing/collab-clients.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { CollabDocumentsRepository } from './collab-documents.repository.js';

/** Every kind of malformed, truncated, empty, oversized, wrong-type and flooding message. */
describe('/collab against bad input', () => {
  let t: TestApp;
  let owner: ApiClient;
  let docName: string;
  let honest: OpenedDocument;
  let attacker: ReturnType<typeof collabSocket>;

  const storedState = async () => {
    const doc = new Y.Doc();
    for (const u of await new CollabDocumentsRepository(t.dataSource).load(docName)) Y.applyUpdate(doc, u);
    return Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64');
  };

  beforeAll(async () => {
    t = await startTestApp({ COLLAB_MAX_FRAME_BYTES: '65536', COLLAB_MESSAGES_PER_SECOND: '50', COLLAB_BURST: '100' });
    owner = new ApiClient(t.url);
    await owner.signUp();
    const spaceId = await buildSpace(owner);
    docName = diagnosticDocument(spaceId);
    honest = await openDocument(t.url, owner.cookie, docName);
    honest.doc.getText('notes').insert(0, 'texte de référence');
    await honest.document.waitFor(['saved']);
    attacker = collabSocket(t.url, owner.cookie, { reconnection: false });
    await connected(attacker);
    expect(await attacker.emitWithAck(CollabEvent.join, { doc: docName })).toMatchObject({ ok: true });
  });
  afterAll(async () => {
    honest.close();
    attacker.disconnect();
    await t.close();
  });

  const send = (payload: unknown) => attacker.timeout(5000).emitWithAck(CollabEvent.message, payload);

  const cases: [string, () => unknown, string][] = [
    ['an empty frame', () => new Uint8Array(0), 'frame_empty'],
    ['a string instead of bytes', () => 'hello', 'not_binary'],
    ['a number', () => 42, 'not_binary'],
    ['an object smuggled where bytes are expected', () => ({ _placeholder: true, num: 0 }), 'not_binary'],
    ['null', () => null, 'not_binary'],
    ['a frame cut inside its header', () => new Uint8Array([0]), 'frame_truncated'],
    ['a frame without body', () => encodeFrame(MessageType.sync, docName, () => undefined), 'frame_truncated'],
    ['an unknown message type', () => encodeFrame(7 as MessageType, docName, (e) => encoding.writeVarUint(e, 0)), 'unknown_message_type'],
    [
      'an unknown sync step',
      () =>
        encodeFrame(MessageType.sync, docName, (e) => {
          encoding.writeVarUint(e, 9);
          encoding.writeVarUint8Array(e, new Uint8Array([0]));
        }),
      'unknown_message_type',
    ],
    ['a truncated sync payload', () => syncFrame(docName, SyncStep.update, new Uint8Array(50)).slice(0, 30), 'frame_truncated'],
    ['garbage as a Yjs update', () => syncFrame(docName, SyncStep.update, new Uint8Array([255, 255, 255, 255, 1, 2, 3])), 'invalid_update'],
    [
      'random bytes as a Yjs update',
      () =>
        syncFrame(
          docName,
          SyncStep.update,
          Uint8Array.from({ length: 64 }, (_, i) => (i * 37 + 11) % 256),
        ),
      'invalid_update',
    ],
    [
      'a frame for a document not joined',
      () => syncFrame(diagnosticDocument('00000000-0000-4000-8000-000000000000'), SyncStep.update, new Uint8Array([0, 0])),
      'not_joined',
    ],
    ['garbage as a state vector (sync step 1)', () => syncFrame(docName, SyncStep.step1, new Uint8Array([255, 255, 255, 255, 255])), 'invalid_update'],
    ['an empty state vector', () => syncFrame(docName, SyncStep.step1, new Uint8Array(0)), 'invalid_update'],
    [
      'a heading with an onclick attribute',
      () => {
        const doc = new Y.Doc();
        const heading = new Y.XmlElement('heading');
        doc.getXmlFragment('section:grid-x').insert(0, [heading]);
        heading.setAttribute('onclick', 'alert(1)');
        return syncFrame(docName, SyncStep.update, Y.encodeStateAsUpdate(doc));
      },
      'invalid_content',
    ],
    ['an oversized frame', () => new Uint8Array(70_000), 'frame_too_large'],
    [
      'a malformed awareness update',
      () => encodeFrame(MessageType.awareness, docName, (e) => encoding.writeVarUint8Array(e, new Uint8Array([3, 1]))),
      'frame_truncated',
    ],
  ];

  it.each(cases)('refuses %s with an error and changes nothing', async (_what, payload, code) => {
    const before = await storedState();
    const errors: string[] = [];
    const listener = (e: { code: string }) => errors.push(e.code);
    attacker.on(CollabEvent.error, listener);
    const ack = await send(payload());
    attacker.off(CollabEvent.error, listener);
    expect(ack).toMatchObject({ ok: false, code });
    expect(errors).toContain(code);
    expect(await storedState()).toBe(before);
    // The process is alive and other clients keep working.
    honest.doc.getText('notes').insert(0, '·');
    await honest.document.waitFor(['saved']);
  });

  it('survives a burst of mixed garbage and keeps serving', async () => {
    const junk = [new Uint8Array(0), 'x', new Uint8Array([1]), syncFrame(docName, SyncStep.update, new Uint8Array([9, 9, 9]))];
    await Promise.all(Array.from({ length: 40 }, (_, i) => send(junk[i % junk.length]).catch(() => undefined)));
    expect((await owner.get('/api/health')).status).toBe(200);
    honest.doc.getText('notes').insert(0, 'encore ');
    await honest.document.waitFor(['saved']);
  });

  it.each([
    ['a compact packet cut inside its header', new Uint8Array([0xc7, 5])],
    ['a binary frame that no event announced', new Uint8Array([1, 2, 3])],
  ])('closes the one connection that sends %s, and keeps serving the others', async (_what, raw) => {
    const before = await storedState();
    const rogue = collabSocket(t.url, owner.cookie, { reconnection: false });
    await connected(rogue);
    await rogue.emitWithAck(CollabEvent.join, { doc: docName });
    (rogue.io.engine as unknown as { write(data: Uint8Array): void }).write(raw);
    await eventually(() => rogue.disconnected, 5000, 'the rogue connection closed');
    expect(await storedState()).toBe(before);
    expect(attacker.connected).toBe(true);
    honest.doc.getText('notes').insert(0, 'intact ');
    await honest.document.waitFor(['saved']);
  });

  it('rate-limits a flooding connection without affecting others', async () => {
    const flooder = collabSocket(t.url, owner.cookie, { reconnection: false });
    await connected(flooder);
    await flooder.emitWithAck(CollabEvent.join, { doc: docName });
    const errors: string[] = [];
    flooder.on(CollabEvent.error, (e: { code: string }) => errors.push(e.code));
    const frame = syncFrame(docName, SyncStep.step1, Y.encodeStateVector(new Y.Doc()));
    for (let i = 0; i < 1000; i++) flooder.emit(CollabEvent.message, frame);
    await eventually(() => errors.includes('rate_limited') || flooder.disconnected, 5000, 'rate limiting');
    honest.doc.getText('notes').insert(0, 'toujours là ');
    await honest.document.waitFor(['saved']);
    flooder.disconnect();
  });

  it('refuses joins past the per-document client limit', async () => {
    const limited = await startTestApp({ COLLAB_MAX_CLIENTS_PER_DOCUMENT: '2' });
    try {
      const person = new ApiClient(limited.url);
      await person.signUp();
      const spaceId = await buildSpace(person);
      const sockets = [0, 1, 2].map(() => collabSocket(limited.url, person.cookie, { reconnection: false }));
      await Promise.all(sockets.map(connected));
      const results = [];
      for (const socket of sockets) results.push(await socket.emitWithAck(CollabEvent.join, { doc: diagnosticDocument(spaceId) }));
      expect(results.map((r) => r.ok)).toEqual([true, true, false]);
      expect(results[2]).toMatchObject({ code: 'document_full' });
      sockets.forEach((s) => s.disconnect());
    } finally {
      await limited.close();
    }
  });
});
