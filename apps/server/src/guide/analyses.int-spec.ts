import * as Y from 'yjs';
import { ANALYSIS_TEXT, CollabEvent, SyncStep, analysisTextDocument, syncFrame } from '@concerto/collab';
import { ApiClient, addMember, buildSpace } from '../../testing/api-client.js';
import { openDocument, type OpenedDocument } from '../../testing/collab-clients.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';

describe('guide d’appui: analyses (real PostgreSQL, real Yjs documents)', () => {
  let t: TestApp;
  let animateur: ApiClient;
  let contributeur: ApiClient;
  let observateur: ApiClient;
  let spaceId: string;
  const opened: OpenedDocument[] = [];
  const analyses = () => `/api/spaces/${spaceId}/analyses`;

  beforeAll(async () => {
    t = await startTestApp();
    [animateur, contributeur, observateur] = [0, 1, 2].map(() => new ApiClient(t.url));
    for (const c of [animateur, contributeur, observateur]) await c.signUp();
    spaceId = await buildSpace(animateur);
    await addMember(animateur, spaceId, contributeur, 'contributeur');
    await addMember(animateur, spaceId, observateur, 'observateur');
  });
  afterAll(async () => {
    for (const o of opened) o.close();
    await t.close();
  });

  it('adds chapters last, reorders, renames and rescopes them, and deletes them by role', async () => {
    const first = await contributeur.post(analyses(), { title: 'Le repérage', scope: { kind: 'stage', stage: 'detection' } });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      spaceId,
      title: 'Le repérage',
      scope: { kind: 'stage', stage: 'detection' },
      position: 0,
      document: analysisTextDocument(first.body.id),
      createdBy: { id: contributeur.account!.id },
    });
    const second = (await animateur.post(analyses(), { title: 'La pédagogie', scope: { kind: 'lever', lever: 'pedagogy' } })).body;
    const third = (await contributeur.post(analyses(), { title: 'Ce que disent les chiffres', scope: { kind: 'free' } })).body;
    expect([second.position, third.position]).toEqual([1, 2]);
    expect((await observateur.post(analyses(), { title: 'Pirate', scope: { kind: 'free' } })).status).toBe(403);
    expect((await contributeur.post(analyses(), { title: 'Sans portée', scope: { kind: 'stage' } })).status).toBe(400);

    const moved = await contributeur.patch(`${analyses()}/${third.id}`, { position: 0, scope: { kind: 'lever', lever: 'inter_collectivite' } });
    expect(moved.body).toMatchObject({ position: 0, scope: { kind: 'lever', lever: 'inter_collectivite' }, title: 'Ce que disent les chiffres' });
    await contributeur.patch(`${analyses()}/${first.body.id}`, { position: 5, title: '<script>alert(1)</script> Repérage' });
    const list = (await observateur.get(analyses())).body as { id: string; title: string }[];
    expect(list.map((a) => a.id)).toEqual([third.id, second.id, first.body.id]);
    expect(list[2].title).toBe('<script>alert(1)</script> Repérage');
    expect((await observateur.patch(`${analyses()}/${second.id}`, { title: 'Pirate' })).status).toBe(403);
    expect((await contributeur.patch(`${analyses()}/${second.id}`, {})).status).toBe(400);

    expect((await contributeur.delete(`${analyses()}/${second.id}`)).status).toBe(403);
    expect((await animateur.delete(`${analyses()}/${second.id}`)).status).toBe(204);
    expect((await animateur.delete(`${analyses()}/${second.id}`)).status).toBe(404);
    expect((await observateur.get(analyses())).body.map((a: { id: string }) => a.id)).toEqual([third.id, first.body.id]);
  });

  it('co-edits a chapter’s text, read-only for observateurs, who cannot write it through the socket', async () => {
    const id = (await contributeur.post(analyses(), { title: 'La transversalité', scope: { kind: 'stage', stage: 'transversality' } })).body.id as string;
    const writer = await openDocument(t.url, contributeur.cookie, analysisTextDocument(id));
    opened.push(writer);
    expect(writer.document.readOnly).toBe(false);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Les services se parlent.')]);
    writer.doc.getXmlFragment(ANALYSIS_TEXT).insert(0, [paragraph]);
    await writer.document.waitFor(['saved']);

    const watcher = await openDocument(t.url, observateur.cookie, analysisTextDocument(id));
    opened.push(watcher);
    expect(watcher.document.readOnly).toBe(true);
    expect(watcher.doc.getXmlFragment(ANALYSIS_TEXT).toString()).toContain('Les services se parlent.');
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(watcher.doc));
    let update: Uint8Array | undefined;
    forged.on('update', (u: Uint8Array) => (update = u));
    forged.getXmlFragment(ANALYSIS_TEXT).insert(0, [new Y.XmlElement('paragraph')]);
    const ack = await watcher.socket.emitWithAck(CollabEvent.message, syncFrame(analysisTextDocument(id), SyncStep.update, update!));
    expect(ack).toMatchObject({ ok: false, code: 'read_only' });

    // Once the chapter is deleted, its text is no one's to open.
    expect((await animateur.delete(`${analyses()}/${id}`)).status).toBe(204);
    const socket = watcher.socket;
    const rejoin = await socket.emitWithAck(CollabEvent.join, { doc: analysisTextDocument(id) });
    expect(rejoin).toMatchObject({ ok: false, code: 'not_found' });
  });
});
