import * as Y from 'yjs';
import {
  CollabClient,
  CollabEvent,
  PROJECT_NOTES,
  SyncStep,
  awarenessFrame,
  diagnosticDocument,
  projectNotesDocument,
  readSections,
  syncFrame,
} from '@concerto/collab';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { ApiClient, addMember, buildSpace } from '../../testing/api-client.js';
import { collabSocket, connected, eventually, openDocument, type OpenedDocument } from '../../testing/collab-clients.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { CollabDocumentsRepository } from './collab-documents.repository.js';

describe('/collab co-editing (real socket.io clients, real Yjs documents, real PostgreSQL)', () => {
  let t: TestApp;
  let animateur: ApiClient;
  let contributeur: ApiClient;
  let observateur: ApiClient;
  let outsider: ApiClient;
  let spaceId: string;
  let docName: string;
  const opened: OpenedDocument[] = [];

  const open = async (client: ApiClient, name = docName) => {
    const o = await openDocument(t.url, client.cookie, name);
    opened.push(o);
    return o;
  };

  const storedDocument = async (name = docName) => {
    const doc = new Y.Doc();
    for (const update of await new CollabDocumentsRepository(t.dataSource).load(name)) Y.applyUpdate(doc, update);
    return doc;
  };

  beforeAll(async () => {
    t = await startTestApp({ COLLAB_ACCESS_CHECK_MS: '500' });
    [animateur, contributeur, observateur, outsider] = [0, 1, 2, 3].map(() => new ApiClient(t.url));
    for (const c of [animateur, contributeur, observateur, outsider]) await c.signUp();
    spaceId = await buildSpace(animateur);
    await addMember(animateur, spaceId, contributeur, 'contributeur');
    await addMember(animateur, spaceId, observateur, 'observateur');
    docName = diagnosticDocument(spaceId);
  });
  afterAll(async () => {
    for (const o of opened) o.close();
    await t.close();
  });

  it('hands a new diagnostic its template, stored once', async () => {
    const a = await open(animateur);
    const sections = readSections(a.doc);
    expect(sections.map((s) => s.kind)).toEqual([...Array(5).fill('grid'), ...Array(7).fill('support_stage'), ...Array(8).fill('lever')]);
    expect(sections[0].title).toBe('Collectivités et services mobilisés');
    // The template is written by the group commit just after the joiner got it: wait for that write.
    let stored = readSections(await storedDocument());
    for (let tries = 0; stored.length === 0 && tries < 100; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      stored = readSections(await storedDocument());
    }
    expect(stored).toHaveLength(20);
  });

  it('sends a change an observer makes while a remote change is being applied', async () => {
    const a = await open(animateur);
    const b = await open(contributeur);
    // B answers every remote "question" from inside its observer: a local transaction nested in a remote apply.
    b.doc.getMap('echo').observe((event) => {
      if (event.transaction.origin !== b.document) return;
      for (const key of event.keysChanged) if (key.startsWith('q')) b.doc.getMap('echo').set(`a${key.slice(1)}`, 'répondu');
    });
    a.doc.getMap('echo').set('q1', 'question');
    await eventually(() => a.doc.getMap('echo').get('a1') === 'répondu', 5000, 'the answer made in an observer');
    await b.document.waitFor(['saved']);
    expect((await storedDocument()).getMap('echo').get('a1')).toBe('répondu');
  });

  it('co-edits over long-polling as over WebSocket (binary frames through the app parser)', async () => {
    const a = await open(animateur);
    const socket = collabSocket(t.url, contributeur.cookie, { polling: true, reconnection: false });
    const client = new CollabClient(socket, { ackTimeoutMs: 5000 });
    try {
      const polled = client.open(docName);
      await connected(socket);
      await polled.waitFor(['synced', 'saved']);
      expect(socket.io.engine.transport.name).toBe('polling');
      polled.doc.getText('polling').insert(0, 'par sondage');
      await polled.waitFor(['saved']);
      await eventually(() => a.doc.getText('polling').toString() === 'par sondage', 5000, 'the polled edit on the WebSocket client');
      a.doc.getText('polling').insert(0, 'reçu ');
      await eventually(() => polled.doc.getText('polling').toString() === 'reçu par sondage', 5000, 'the WebSocket edit on the polled client');
    } finally {
      client.destroy();
      socket.disconnect();
    }
  });

  it('relays edits between clients and acknowledges them only once stored', async () => {
    const a = await open(animateur);
    const b = await open(contributeur);
    a.doc.getText('notes').insert(0, 'Bonjour ');
    expect(a.document.status).toBe('saving');
    await a.document.waitFor(['saved']);
    // Acknowledged means durable: the stored document already holds the edit.
    expect((await storedDocument()).getText('notes').toString()).toContain('Bonjour');
    await eventually(() => b.doc.getText('notes').toString().includes('Bonjour'), 5000, 'relay to b');
    b.doc.getText('notes').insert(b.doc.getText('notes').length, 'le territoire');
    await b.document.waitFor(['saved']);
    await eventually(() => a.doc.getText('notes').toString() === b.doc.getText('notes').toString(), 5000, 'convergence');
  });

  it('gives observers the document but refuses and never applies their edits', async () => {
    const watcher = await open(observateur);
    expect(watcher.document.readOnly).toBe(true);
    expect(watcher.doc.getText('notes').toString()).toContain('Bonjour');
    const before = Y.encodeStateVector(await storedDocument());
    const errors: string[] = [];
    watcher.socket.on(CollabEvent.error, (e: { code: string }) => errors.push(e.code));
    // Force the write through the raw protocol, as a hostile client would.
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(watcher.doc));
    let update: Uint8Array | undefined;
    forged.on('update', (u: Uint8Array) => (update = u));
    forged.getText('notes').insert(0, 'PIRATE ');
    const acks = await Promise.all([
      watcher.socket.emitWithAck(CollabEvent.message, syncFrame(docName, SyncStep.update, update!)),
      watcher.socket.emitWithAck(CollabEvent.message, syncFrame(docName, SyncStep.step2, update!)),
    ]);
    expect(acks).toEqual([expect.objectContaining({ ok: false, code: 'read_only' }), expect.objectContaining({ ok: false, code: 'read_only' })]);
    expect(errors).toContain('read_only');
    expect(Buffer.from(Y.encodeStateVector(await storedDocument()))).toEqual(Buffer.from(before));
    const a = await open(animateur);
    expect(a.doc.getText('notes').toString()).not.toContain('PIRATE');
  });

  it('binds presence to the authenticated user', async () => {
    const a = await open(animateur);
    const b = await open(contributeur);
    b.document.awareness.setLocalStateField('user', { id: animateur.account!.id, name: 'Usurpateur', color: '#000' });
    b.document.awareness.setLocalStateField('cursor', 5);
    await eventually(() => a.document.awareness.getStates().get(b.doc.clientID)?.cursor === 5, 5000, 'presence');
    const state = a.document.awareness.getStates().get(b.doc.clientID)!;
    expect(state.user).toEqual({ id: contributeur.account!.id, name: contributeur.account!.displayName, color: expect.stringMatching(/^#/) });
  });

  it('lets observers be present under their own name only', async () => {
    const a = await open(animateur);
    const watcher = await open(observateur);
    watcher.document.awareness.setLocalStateField('user', { id: animateur.account!.id, name: 'Faux animateur', color: '#000' });
    watcher.document.awareness.setLocalStateField('cursor', 9);
    await eventually(() => a.document.awareness.getStates().get(watcher.doc.clientID)?.cursor === 9, 5000, 'observer presence');
    expect(a.document.awareness.getStates().get(watcher.doc.clientID)!.user).toMatchObject({ id: observateur.account!.id });
    // Speaking for another connection's client id is refused.
    const forged = new Awareness(new Y.Doc());
    (forged as unknown as { clientID: number }).clientID = a.doc.clientID;
    forged.setLocalState({ user: { name: 'x' } });
    const update = encodeAwarenessUpdate(forged, [forged.clientID]);
    forged.destroy();
    const ack = await watcher.socket.emitWithAck(CollabEvent.message, awarenessFrame(docName, update));
    expect(ack).toMatchObject({ ok: false, code: 'awareness_spoofed' });
  });

  it('refuses unauthenticated sockets, other origins, non-members and unknown documents', async () => {
    await expect(connected(collabSocket(t.url, undefined, { reconnection: false }))).rejects.toThrow('unauthenticated');
    await expect(connected(collabSocket(t.url, animateur.cookie, { origin: 'https://evil.example', reconnection: false }))).rejects.toThrow(
      'origin_not_allowed',
    );
    // The outsider animates a space of their own: that gives no access to this one.
    const ownSpace = await buildSpace(outsider);
    const socket = collabSocket(t.url, outsider.cookie, { reconnection: false });
    await connected(socket);
    expect(await socket.emitWithAck(CollabEvent.join, { doc: diagnosticDocument(ownSpace) })).toMatchObject({ ok: true });
    expect(await socket.emitWithAck(CollabEvent.join, { doc: docName })).toMatchObject({ ok: false, code: 'not_found' });
    expect(await socket.emitWithAck(CollabEvent.join, { doc: 'space/../etc/passwd' })).toMatchObject({ ok: false, code: 'invalid_document_name' });
    expect(await socket.emitWithAck(CollabEvent.join, { doc: diagnosticDocument('00000000-0000-4000-8000-000000000000') })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    socket.disconnect();
  });

  it("co-edits a project's notes with the rules of the project's space", async () => {
    const project = (await contributeur.post(`/api/spaces/${spaceId}/projects`, { title: 'Projet co-rédigé' })).body;
    const name = projectNotesDocument(project.id);
    const a = await open(contributeur, name);
    const watcher = await open(observateur, name);
    expect(a.document.readOnly).toBe(false);
    expect(watcher.document.readOnly).toBe(true);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Compte rendu du comité')]);
    a.doc.getXmlFragment(PROJECT_NOTES).insert(0, [paragraph]);
    await a.document.waitFor(['saved']);
    await eventually(() => watcher.doc.getXmlFragment(PROJECT_NOTES).toString().includes('Compte rendu'), 5000, 'notes relayed');
    expect((await storedDocument(name)).getXmlFragment(PROJECT_NOTES).toString()).toContain('Compte rendu du comité');
    const socket = collabSocket(t.url, outsider.cookie, { reconnection: false });
    await connected(socket);
    expect(await socket.emitWithAck(CollabEvent.join, { doc: name })).toMatchObject({ ok: false, code: 'not_found' });
    expect(await socket.emitWithAck(CollabEvent.join, { doc: projectNotesDocument('00000000-0000-4000-8000-000000000000') })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    socket.disconnect();
  });

  it('disconnects the sockets of a session at sign-out', async () => {
    const person = new ApiClient(t.url);
    await person.signUp();
    await addMember(animateur, spaceId, person, 'contributeur');
    const p = await open(person);
    const gone = new Promise((resolve) => p.socket.once('disconnect', resolve));
    await person.post('/api/auth/sign-out');
    await gone;
    // Reconnecting with the revoked cookie is refused.
    await expect(connected(collabSocket(t.url, person.cookie, { reconnection: false }))).rejects.toThrow('unauthenticated');
  });

  it('closes the document of a member removed while connected, and downgrades a demoted one', async () => {
    const member = new ApiClient(t.url);
    await member.signUp();
    await addMember(animateur, spaceId, member, 'contributeur');
    const m = await open(member);
    expect(m.document.readOnly).toBe(false);
    await animateur.patch(`/api/spaces/${spaceId}/members/${member.account!.id}`, { role: 'observateur' });
    await eventually(() => m.document.readOnly && m.document.status === 'synced', 5000, 'downgrade');
    const closed = new Promise((resolve) => m.document.onError((e) => e.code === 'access_revoked' && resolve(e)));
    await animateur.delete(`/api/spaces/${spaceId}/members/${member.account!.id}`);
    await closed;
    expect(m.document.status).toBe('offline');
  });
});
