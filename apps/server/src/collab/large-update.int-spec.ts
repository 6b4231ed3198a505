import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CollabEvent, SyncStep, awarenessFrame, diagnosticDocument, sectionContentKey, syncFrame } from '@concerto/collab';
import { ApiClient, addMember, buildSpace } from '../../testing/api-client.js';
import { collabSocket, connected, eventually, openDocument, type OpenedDocument } from '../../testing/collab-clients.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { paragraph, unmergedInsertions } from '../../testing/yjs-updates.js';
import { CollabDocumentsRepository } from './collab-documents.repository.js';

const SECTION = sectionContentKey('grid-territory');

/**
 * One update of thousands of unmerged structs (a client whose every keystroke was its own update, merged) is
 * checked by the document policy without holding the server: another client's round trips go on meanwhile.
 */
describe('/collab: an update of many unmerged structs', () => {
  let t: TestApp;
  let docName: string;
  let otherDocName: string;
  let contributeur: ApiClient;
  let owner: ApiClient;
  let reader: OpenedDocument;
  let writer: ReturnType<typeof collabSocket>;
  let pinger: ReturnType<typeof collabSocket>;
  /** The pinger's presence: a connection speaks for one Yjs client id only. */
  const awareness = new Awareness(new Y.Doc());

  beforeAll(async () => {
    // 16,000 one-character structs are about 160 KB: within the frame limit set here.
    t = await startTestApp({ COLLAB_MAX_FRAME_BYTES: String(1024 * 1024) });
    owner = new ApiClient(t.url);
    await owner.signUp();
    contributeur = new ApiClient(t.url);
    await contributeur.signUp();
    const spaceId = await buildSpace(owner);
    await addMember(owner, spaceId, contributeur, 'contributeur');
    docName = diagnosticDocument(spaceId);
    otherDocName = diagnosticDocument(await buildSpace(owner, { title: 'Un autre espace' }));
    reader = await openDocument(t.url, owner.cookie, docName);
    writer = collabSocket(t.url, contributeur.cookie, { reconnection: false });
    pinger = collabSocket(t.url, owner.cookie, { reconnection: false });
    await Promise.all([connected(writer), connected(pinger)]);
    expect(await writer.emitWithAck(CollabEvent.join, { doc: docName })).toMatchObject({ ok: true, readOnly: false });
    expect(await pinger.emitWithAck(CollabEvent.join, { doc: otherDocName })).toMatchObject({ ok: true });
  });
  afterAll(async () => {
    reader.close();
    writer.disconnect();
    pinger.disconnect();
    awareness.destroy();
    await t.close();
  });

  /** The writer's copy of the document, with a new paragraph the server has: where its keystrokes go. */
  async function newParagraph(): Promise<{ copy: Y.Doc; text: Y.XmlText }> {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(reader.doc));
    const before = Y.encodeStateVector(copy);
    const element = paragraph('');
    copy.transact(() => copy.getXmlFragment(SECTION).insert(0, [element]));
    expect(await writer.emitWithAck(CollabEvent.message, syncFrame(docName, SyncStep.update, Y.encodeStateAsUpdate(copy, before)))).toEqual({
      ok: true,
      durable: true,
    });
    return { copy, text: element.get(0) as Y.XmlText };
  }

  /**
   * Sends `update` while the other client does presence round trips (acknowledged) on another document, one after
   * the other; returns the acknowledgement and how many round trips were answered between sending and it.
   */
  async function sendWhilePinging(update: Uint8Array): Promise<{ ack: unknown; answeredMeanwhile: number }> {
    let running = true;
    let sending = false;
    let answered = 0;
    let answeredMeanwhile = 0;
    const pings = (async () => {
      while (running) {
        awareness.setLocalStateField('cursor', answered);
        const ack = await pinger.emitWithAck(CollabEvent.message, awarenessFrame(otherDocName, encodeAwarenessUpdate(awareness, [awareness.clientID])));
        expect(ack).toEqual({ ok: true, durable: true });
        answered += 1;
        if (sending) answeredMeanwhile += 1;
      }
    })();
    try {
      await eventually(() => answered >= 3, 5000, 'round trips before the update');
      sending = true;
      const ack = await writer.emitWithAck(CollabEvent.message, syncFrame(docName, SyncStep.update, update));
      sending = false;
      return { ack, answeredMeanwhile };
    } finally {
      running = false;
      await pings;
    }
  }

  const storedText = async () => {
    const doc = new Y.Doc();
    for (const u of await new CollabDocumentsRepository(t.dataSource).load(docName)) Y.applyUpdate(doc, u);
    return ((doc.getXmlFragment(SECTION).get(0) as Y.XmlElement).get(0) as Y.XmlText).toString();
  };

  it.each([4000, 16_000])('accepts %i unmerged one-character insertions while another client is answered', async (count) => {
    const { copy, text } = await newParagraph();
    const update = unmergedInsertions(copy, text, count, 'keystrokes');
    expect(Y.decodeUpdate(update).structs).toHaveLength(count);

    const { ack, answeredMeanwhile } = await sendWhilePinging(update);
    expect(ack).toEqual({ ok: true, durable: true });
    expect(answeredMeanwhile).toBeGreaterThan(0);
    expect(await storedText()).toBe(text.toString());
    await eventually(
      () => ((reader.doc.getXmlFragment(SECTION).get(0) as Y.XmlElement).get(0) as Y.XmlText).length === count,
      10_000,
      'the insertions relayed',
    );
  });

  it('refuses 4,000 insertions ending with a forbidden link, changing nothing, while another client is answered', async () => {
    const { copy, text } = await newParagraph();
    const before = Y.encodeStateVector(copy);
    unmergedInsertions(copy, text, 4000, 'reverse');
    copy.transact(() => text.format(0, 1, { link: { href: 'javascript:alert(1)' } }));
    const update = Y.encodeStateAsUpdate(copy, before);
    expect(Y.decodeUpdate(update).structs.length).toBeGreaterThan(4000);

    const { ack, answeredMeanwhile } = await sendWhilePinging(update);
    expect(ack).toMatchObject({ ok: false, code: 'invalid_content' });
    expect(answeredMeanwhile).toBeGreaterThan(0);
    expect(await storedText()).toBe('');
  });
});
