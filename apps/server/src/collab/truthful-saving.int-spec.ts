import * as Y from 'yjs';
import { CollabEvent, type CollabStatus, diagnosticDocument, readSections, sectionContentKey } from '@concerto/collab';
import { ApiClient, buildSpace } from '../../testing/api-client.js';
import { openDocument, type OpenedDocument } from '../../testing/collab-clients.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { CollabDocumentsRepository } from './collab-documents.repository.js';

const FRAME = 64 * 1024;
const DOCUMENT_CAP = 1024 * 1024;

/**
 * "Enregistré" tells the truth, with the client the browser uses (CollabClient): every time a document says `saved`,
 * what it holds at that moment is stored; refused edits are resent after a resync or rolled back, never counted.
 */
describe('co-editing tells the truth about saving', () => {
  let t: TestApp;
  let owner: ApiClient;
  let name: string;
  const opened: OpenedDocument[] = [];

  beforeAll(async () => {
    t = await startTestApp({
      COLLAB_MAX_FRAME_BYTES: String(FRAME),
      COLLAB_MESSAGES_PER_SECOND: '50',
      COLLAB_BURST: '100',
      COLLAB_MAX_DOCUMENT_BYTES: String(DOCUMENT_CAP),
    });
    owner = new ApiClient(t.url);
    await owner.signUp();
    name = diagnosticDocument(await buildSpace(owner));
  });
  // An account may hold COLLAB_MAX_CONNECTIONS_PER_ACCOUNT connections: each test closes the ones it opened.
  afterEach(() => {
    for (const o of opened.splice(0)) o.close();
  });
  afterAll(async () => {
    await t.close();
  });

  const open = async () => {
    const o = await openDocument(t.url, owner.cookie, name);
    opened.push(o);
    return o;
  };

  const stored = async () => {
    const doc = new Y.Doc();
    for (const update of await new CollabDocumentsRepository(t.dataSource).load(name)) Y.applyUpdate(doc, update);
    return doc;
  };

  /** Whether `stored` already holds everything in `state` (applying it changes nothing). */
  const holds = (storedDoc: Y.Doc, state: Uint8Array) => {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(storedDoc));
    let changed = false;
    copy.on('update', () => (changed = true));
    Y.applyUpdate(copy, state);
    return !changed;
  };

  /** The state of the client's copy each time it says `saved`, and every status it went through. */
  const watch = (o: OpenedDocument) => {
    const savedStates: Uint8Array[] = [];
    const statuses: CollabStatus[] = [];
    o.document.onStatus((status) => {
      statuses.push(status);
      if (status === 'saved') savedStates.push(Y.encodeStateAsUpdate(o.doc));
    });
    return { savedStates, statuses };
  };

  /** A paragraph of its own in a section of the diagnostic, as the editor makes it. */
  const paragraph = (o: OpenedDocument, index: number): Y.XmlText => {
    const section = readSections(o.doc)[index];
    const fragment = o.doc.getXmlFragment(sectionContentKey(section.id));
    const element = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    o.doc.transact(() => {
      fragment.insert(fragment.length, [element]);
      element.insert(0, [text]);
    });
    return text;
  };

  const settle = (o: OpenedDocument) => o.document.waitFor(['saved']);

  const expectTruthful = async (record: { savedStates: Uint8Array[] }, writer: OpenedDocument) => {
    const storedDoc = await stored();
    expect(record.savedStates.length).toBeGreaterThan(0);
    for (const state of record.savedStates) expect(holds(storedDoc, state)).toBe(true);
    expect(holds(storedDoc, Y.encodeStateAsUpdate(writer.doc))).toBe(true);
  };

  it('a flood past the rate limit: everything the client shows as saved is stored, and a fresh client sees it all', async () => {
    const writer = await open();
    const record = watch(writer);
    const text = paragraph(writer, 0);
    const typed = 'Le pôle réunit collectivités et structures de l’ESS autour de projets partagés. ';
    // 1 242 keystrokes, each its own update, far faster than the 50 messages per second allowed.
    for (let i = 0; i < 1242; i++) {
      text.insert(text.length, typed[i % typed.length]);
      if (i % 100 === 99) await new Promise((r) => setImmediate(r));
    }
    expect(writer.document.status).not.toBe('saved');
    await settle(writer);
    expect(writer.document.savedVersion).toBe(writer.document.localVersion);
    await expectTruthful(record, writer);
    const fresh = await open();
    expect(fresh.doc.getXmlFragment(sectionContentKey(readSections(fresh.doc)[0].id)).toString()).toBe(
      writer.doc.getXmlFragment(sectionContentKey(readSections(writer.doc)[0].id)).toString(),
    );
    expect(text.toString()).toHaveLength(1242);
  }, 60_000);

  it('a flood sent before any refusal comes back closes the connection: the client connects again and ends saved', async () => {
    const writer = await open();
    const record = watch(writer);
    const text = paragraph(writer, 0);
    let disconnects = 0;
    writer.socket.on('disconnect', (reason) => {
      if (reason === 'io server disconnect') disconnects += 1;
    });
    // 1 242 keystrokes in one go: all sent before the first refusal is read, past five bursts of refusals (the
    // server closes such a connection; socket.io does not reconnect after that by itself).
    for (let i = 0; i < 1242; i++) text.insert(text.length, 'abcdefghij'[i % 10]);
    await settle(writer);
    expect(disconnects).toBe(1);
    expect(writer.document.savedVersion).toBe(writer.document.localVersion);
    await expectTruthful(record, writer);
    expect(text.toString()).toHaveLength(1242);
  }, 60_000);

  it('a flood while the database is slow to commit: a resync answered before the last diff is stored still ends saved', async () => {
    const writer = await open();
    const record = watch(writer);
    const section = () => writer.doc.getXmlFragment(sectionContentKey(readSections(writer.doc)[3].id));
    // The connection drops and a paragraph is written offline: the rejoin sends it as a state diff.
    // (engine.io closes once the packets it holds are written: the join's diff and presence may still be queued.)
    writer.socket.io.engine.close();
    await writer.document.waitFor(['offline']);
    const element = new Y.XmlElement('paragraph');
    writer.doc.transact(() => {
      section().insert(section().length, [element]);
      element.insert(0, [new Y.XmlText('hors ligne : ')]);
    });
    // Meanwhile the database is slow: nothing can be appended to the log for 1.5 s, so no edit is acknowledged.
    const blocker = t.dataSource.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    await blocker.query('LOCK TABLE collab_update IN SHARE MODE');
    const released = new Promise((resolve) => setTimeout(resolve, 1500)).then(async () => {
      await blocker.commitTransaction();
      await blocker.release();
    });
    await writer.document.waitFor(['saving']);
    await new Promise((r) => setTimeout(r, 100)); // the rejoin's diff is on its way, waiting for the database
    // Typing goes on past the rate limit while the diff waits: refused keystrokes, then a resync whose answer comes
    // back before the diff is stored.
    const text = element.get(0) as Y.XmlText;
    const typed = 'la suite, tapée vite pendant que la base peine. ';
    for (let i = 0; i < 300; i++) {
      text.insert(text.length, typed[i % typed.length]);
      if (i % 50 === 49) await new Promise((r) => setTimeout(r, 20));
    }
    await released;
    await settle(writer);
    expect(writer.document.savedVersion).toBe(writer.document.localVersion);
    await expectTruthful(record, writer);
    const fresh = await open();
    expect(fresh.doc.getXmlFragment(sectionContentKey(readSections(fresh.doc)[3].id)).toString()).toContain(text.toString());
  }, 30_000);

  it('a paste larger than a frame, then typing in the same paragraph: sent in pieces, all stored, seen by a fresh client', async () => {
    const writer = await open();
    const record = watch(writer);
    const text = paragraph(writer, 1);
    const pasted = 'Diagnostic partagé du territoire — économie sociale et solidaire 🌿 '.repeat(3000); // ≈ 200 KB
    text.insert(0, pasted);
    for (const char of ' et on continue.') text.insert(text.length, char);
    await settle(writer);
    await expectTruthful(record, writer);
    const fresh = await open();
    const section = sectionContentKey(readSections(fresh.doc)[1].id);
    expect(fresh.doc.getXmlFragment(section).toString()).toContain(`${pasted} et on continue.`);
  }, 60_000);

  it('a paste past the document size cap is refused whole, rolled back and reported; typing after it is stored', async () => {
    const writer = await open();
    const record = watch(writer);
    const refusals: string[] = [];
    writer.document.onError((error) => refusals.push(error.code));
    const text = paragraph(writer, 2);
    text.insert(0, 'avant ');
    await settle(writer);
    text.insert(text.length, 'x'.repeat(DOCUMENT_CAP * 2));
    const after = 'après';
    for (const char of after) text.insert(text.length, char);
    await settle(writer);
    expect(refusals).toContain('document_too_large');
    expect(text.toString()).toBe(`avant ${after}`);
    await expectTruthful(record, writer);
    const fresh = await open();
    const section = sectionContentKey(readSections(fresh.doc)[2].id);
    expect(fresh.doc.getXmlFragment(section).toString()).toContain(`avant ${after}`);
    expect(fresh.doc.getXmlFragment(section).toString()).not.toContain('xxxx');
    // The server keeps no trace of the refused text's content, and the document is back under its cap.
    expect(Y.encodeStateAsUpdate(await stored()).byteLength).toBeLessThan(DOCUMENT_CAP);
  }, 60_000);

  /**
   * Under load an acknowledgement can come too late: the client gives up waiting for it (its timeout), as if the
   * answer were lost. This makes the answers of the edit frames larger than half a frame, counted from 0, get lost
   * when `lost(n)` says so (the server still receives, stores or refuses them). Returns a function that stops it.
   */
  const loseAnswers = (o: OpenedDocument, lost: (n: number) => boolean) => {
    const socket = o.socket as unknown as { emit: (event: string, ...args: unknown[]) => unknown; flags: { timeout?: number } };
    const emit = socket.emit.bind(socket);
    let n = 0;
    socket.emit = (event, ...args) => {
      const [frame, callback] = args;
      const big = event === CollabEvent.message && frame instanceof Uint8Array && frame.byteLength > FRAME / 2;
      if (big && typeof callback === 'function' && lost(n++)) socket.flags.timeout = 0;
      return emit(event, ...args);
    };
    return () => delete (socket as { emit?: unknown }).emit;
  };

  it.each([
    ['one piece', (n: number) => n === 1, 'une réponse perdue'],
    ['every piece after the first', (n: number) => n >= 1, 'toutes les réponses perdues'],
  ])(
    'a paste past the cap whose answers are lost for %s is still rolled back whole; typing after it is stored',
    async (_what, lost, marker) => {
      const writer = await open();
      const record = watch(writer);
      const refusals: string[] = [];
      writer.document.onError((error) => refusals.push(error.code));
      const text = paragraph(writer, 2);
      text.insert(0, `${marker} `);
      await settle(writer);
      const stopLosing = loseAnswers(writer, lost);
      text.insert(text.length, 'y'.repeat(DOCUMENT_CAP * 2)); // its pieces all go out now
      stopLosing();
      for (const char of 'puis la suite') text.insert(text.length, char);
      await settle(writer);
      expect(refusals).toContain('document_too_large');
      expect(text.toString().replace(/y{8,}/g, '[y × n]')).toBe(`${marker} puis la suite`);
      await expectTruthful(record, writer);
      const fresh = await open();
      const section = fresh.doc.getXmlFragment(sectionContentKey(readSections(fresh.doc)[2].id)).toString();
      expect(section).toContain(`${marker} puis la suite`);
      expect(section).not.toContain('yyyy');
      expect(Y.encodeStateAsUpdate(await stored()).byteLength).toBeLessThan(DOCUMENT_CAP);
    },
    60_000,
  );
});
