import { io, type Socket } from 'socket.io-client';
import * as Y from 'yjs';
import { TESTIMONY_STORY, testimonyStoryDocument } from '@concerto/collab';
import { type ChangeNotice, EVENTS_NAMESPACE, EventsClientEvent, EventsServerEvent } from '@concerto/domain';
import { ApiClient, addMember, buildSpace } from '../../testing/api-client.js';
import { connected, eventually } from '../../testing/collab-clients.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { CollabService } from '../collab/collab.service.js';

const STORY = 'La recyclerie a ouvert en 2019 avec la communauté d’agglomération du Pays de Grasse.';

/** An anchor as the browser makes it: Yjs relative positions of a passage of the story's first paragraph. */
function anchorOf(doc: Y.Doc, from: number, to: number): { start: string; end: string; quote: string } {
  const text = (doc.getXmlFragment(TESTIMONY_STORY).get(0) as Y.XmlElement).get(0) as Y.XmlText;
  const encode = (index: number) => Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index))).toString('base64');
  return { start: encode(from), end: encode(to), quote: text.toString().slice(from, to) };
}

describe('guide d’appui: comments on a testimony’s story (real PostgreSQL, real Yjs, real socket.io)', () => {
  let t: TestApp;
  let animateur: ApiClient;
  let contributeur: ApiClient;
  let observateur: ApiClient;
  let outsider: ApiClient;
  let spaceId: string;
  let testimonyId: string;
  let anchor: { start: string; end: string; quote: string };
  let events: Socket;
  const notices: ChangeNotice[] = [];
  const comments = (id = testimonyId, space = spaceId) => `/api/spaces/${space}/testimonies/${id}/comments`;

  beforeAll(async () => {
    t = await startTestApp();
    [animateur, contributeur, observateur, outsider] = [0, 1, 2, 3].map(() => new ApiClient(t.url));
    for (const c of [animateur, contributeur, observateur, outsider]) await c.signUp();
    spaceId = await buildSpace(animateur, { poleName: 'TETRIS' });
    await addMember(animateur, spaceId, contributeur, 'contributeur');
    await addMember(animateur, spaceId, observateur, 'observateur');
    testimonyId = (await contributeur.post(`/api/spaces/${spaceId}/testimonies`, { title: 'La recyclerie de Grasse' })).body.id;
    const collab = t.app.get(CollabService);
    await collab.change(testimonyStoryDocument(testimonyId), (doc) => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(STORY)]);
      doc.getXmlFragment(TESTIMONY_STORY).insert(0, [paragraph]);
    });
    anchor = anchorOf(await collab.currentState(testimonyStoryDocument(testimonyId)), 3, 13);
    events = io(`${t.url}${EVENTS_NAMESPACE}`, { transports: ['websocket'], forceNew: true, extraHeaders: { cookie: observateur.cookie! } });
    await connected(events);
    expect(await events.emitWithAck(EventsClientEvent.join, { spaceId })).toEqual({ ok: true });
    events.on(EventsServerEvent.change, (notice: ChangeNotice) => notices.push(notice));
  });
  afterAll(async () => {
    events?.close();
    await t.close();
  });

  it('lets an observateur comment, a contributeur reply, and notifies the space live', async () => {
    expect(anchor.quote).toBe('recyclerie');
    // Unlike the diagnostic, nobody has to open comments to observateurs.
    expect((await observateur.get(`/api/spaces/${spaceId}/diagnostic/settings`)).body.observersCanComment).toBe(false);
    const thread = await observateur.post(comments(), {
      sectionId: TESTIMONY_STORY,
      anchor,
      body: 'Quelle année exactement ?',
      mentions: [contributeur.account!.id],
    });
    expect(thread.status).toBe(201);
    expect(thread.body).toMatchObject({ sectionId: 'story', parentId: null, anchor, author: { id: observateur.account!.id }, resolvedAt: null });
    expect(thread.body.mentions).toEqual([{ id: contributeur.account!.id, displayName: contributeur.account!.displayName }]);
    const reply = await contributeur.post(comments(), { parentId: thread.body.id, body: 'Septembre 2019, avec la CAPG.' });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ sectionId: 'story', parentId: thread.body.id, anchor: null });
    // Replies hang off the thread's first comment.
    const nested = await animateur.post(comments(), { parentId: reply.body.id, body: 'Merci' });
    expect(nested.body.parentId).toBe(thread.body.id);
    const listed = await observateur.get(comments());
    expect(listed.body.map((c: { id: string }) => c.id)).toEqual([thread.body.id, reply.body.id, nested.body.id]);
    await eventually(() => notices.some((n) => n.id === nested.body.id), 5000, 'the notice of the last reply');
    expect(notices.filter((n) => n.entity === 'comment').map((n) => [n.id, n.op])).toEqual([
      [thread.body.id, 'created'],
      [reply.body.id, 'created'],
      [nested.body.id, 'created'],
    ]);
    expect(notices.every((n) => n.spaceId === spaceId)).toBe(true);
  });

  it('resolves threads by their author or a writer, edits only one’s own, deletes one’s own or as animateur', async () => {
    const thread = (await observateur.post(comments(), { sectionId: TESTIMONY_STORY, anchor, body: 'À vérifier' })).body;
    const reply = (await contributeur.post(comments(), { parentId: thread.id, body: 'Vérifié' })).body;
    // A reply is not resolved; only a thread is.
    expect((await contributeur.patch(`${comments()}/${reply.id}`, { resolved: true })).status).toBe(400);
    // An observateur resolves only the threads they started.
    const byContributeur = (await contributeur.post(comments(), { sectionId: TESTIMONY_STORY, anchor, body: 'Chiffre à sourcer' })).body;
    expect((await observateur.patch(`${comments()}/${byContributeur.id}`, { resolved: true })).status).toBe(403);
    const resolved = await observateur.patch(`${comments()}/${thread.id}`, { resolved: true });
    expect(resolved.status).toBe(200);
    expect(resolved.body.resolvedBy).toMatchObject({ id: observateur.account!.id });
    const reopened = await contributeur.patch(`${comments()}/${thread.id}`, { resolved: false });
    expect(reopened.body).toMatchObject({ resolvedAt: null, resolvedBy: null });
    // Text is its author's alone, whatever the role.
    expect((await animateur.patch(`${comments()}/${thread.id}`, { body: 'Réécrit' })).status).toBe(403);
    const edited = await observateur.patch(`${comments()}/${thread.id}`, { body: 'À vérifier avec la CAPG' });
    expect(edited.body).toMatchObject({ body: 'À vérifier avec la CAPG' });
    expect(edited.body.editedAt).not.toBeNull();
    // Deletion: its author, or an animateur; a thread goes with its replies.
    expect((await contributeur.delete(`${comments()}/${thread.id}`)).status).toBe(403);
    expect((await observateur.delete(`${comments()}/${byContributeur.id}`)).status).toBe(403);
    expect((await contributeur.delete(`${comments()}/${byContributeur.id}`)).status).toBe(204);
    expect((await animateur.delete(`${comments()}/${thread.id}`)).status).toBe(204);
    const left = (await observateur.get(comments())).body.map((c: { id: string }) => c.id);
    expect(left).not.toContain(reply.id);
    expect(left).not.toContain(thread.id);
  });

  it('keeps a testimony’s comments apart from the diagnostic’s and from other testimonies', async () => {
    const other = (await contributeur.post(`/api/spaces/${spaceId}/testimonies`, { title: 'Un autre témoignage' })).body.id as string;
    const thread = (await contributeur.post(comments(), { sectionId: TESTIMONY_STORY, anchor, body: 'Propre à ce récit' })).body;
    expect((await contributeur.get(comments(other))).body).toEqual([]);
    expect((await contributeur.get(`/api/spaces/${spaceId}/diagnostic/comments`)).body).toEqual([]);
    expect((await contributeur.get(`/api/spaces/${spaceId}/diagnostic/sections`)).body.every((s: { openComments: number }) => s.openComments === 0)).toBe(true);
    // Reached through another testimony or the diagnostic, the comment does not exist.
    expect((await contributeur.patch(`${comments(other)}/${thread.id}`, { resolved: true })).status).toBe(404);
    expect((await contributeur.patch(`/api/spaces/${spaceId}/diagnostic/comments/${thread.id}`, { resolved: true })).status).toBe(404);
    expect((await animateur.delete(`/api/spaces/${spaceId}/diagnostic/comments/${thread.id}`)).status).toBe(404);
    const reply = await contributeur.post(comments(other), { parentId: thread.id, body: 'Ailleurs' });
    expect(reply.status).toBe(400);
    expect(reply.body.issues[0].path).toBe('parentId');
    // A testimony has one commented text: its story.
    const elsewhere = await contributeur.post(comments(), { sectionId: 'grid-territory', anchor, body: 'x' });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.issues[0].path).toBe('sectionId');
    // Deleting the testimony deletes its comments.
    expect((await animateur.delete(`/api/spaces/${spaceId}/testimonies/${other}`)).status).toBe(204);
    expect((await contributeur.get(comments(other))).status).toBe(404);
  });

  it('answers 404 to non-members and for testimonies of another space; mentions only members', async () => {
    expect((await outsider.get(comments())).status).toBe(404);
    expect((await outsider.post(comments(), { sectionId: TESTIMONY_STORY, anchor, body: 'Intrus' })).status).toBe(404);
    const foreignSpace = await buildSpace(outsider, { poleName: 'Autre pôle' });
    const foreign = (await outsider.post(`/api/spaces/${foreignSpace}/testimonies`, { title: 'Ailleurs' })).body.id as string;
    expect((await contributeur.get(comments(foreign))).status).toBe(404);
    expect((await outsider.get(comments(foreign, foreignSpace))).status).toBe(200);
    // The testimony exists, but in another space: 404 from this one, before anything is written.
    expect((await outsider.post(comments(testimonyId, foreignSpace), { sectionId: TESTIMONY_STORY, anchor, body: 'x' })).status).toBe(404);
    expect((await contributeur.get(comments('00000000-0000-4000-8000-000000000000'))).status).toBe(404);
    expect((await contributeur.get(comments('pas-un-uuid'))).status).toBe(400);
    const mention = await contributeur.post(comments(), { sectionId: TESTIMONY_STORY, anchor, body: 'x', mentions: [outsider.account!.id] });
    expect(mention.status).toBe(400);
    expect(mention.body.issues[0].path).toBe('mentions.0');
  });

  it('keeps hostile text plain and refuses malformed text', async () => {
    const hostile = '<script>alert(1)</script><a href="javascript:alert(2)">clic</a>\u0007\u202e';
    const created = await observateur.post(comments(), {
      sectionId: TESTIMONY_STORY,
      anchor: { ...anchor, quote: '<img src=x onerror=alert(3)>' },
      body: hostile,
    });
    expect(created.status).toBe(201);
    // Stored and served as text (JSON), control and bidi characters removed; nothing is turned into markup.
    expect(created.body.body).toBe('<script>alert(1)</script><a href="javascript:alert(2)">clic</a>');
    expect(created.body.anchor.quote).toBe('<img src=x onerror=alert(3)>');
    const listed = await observateur.get(comments());
    expect(listed.headers.get('content-type')).toMatch(/^application\/json/);
    expect(listed.body.find((c: { id: string }) => c.id === created.body.id).body).toBe(created.body.body);
    const lone = await observateur.post(comments(), { sectionId: TESTIMONY_STORY, anchor, body: 'a\ud800b' });
    expect(lone.status).toBe(400);
    expect(lone.body.issues).toEqual([{ path: 'body', message: expect.stringMatching(/Unicode/) }]);
    const empty = await observateur.post(comments(), { sectionId: TESTIMONY_STORY, anchor, body: '   ' });
    expect(empty.status).toBe(400);
    expect((await observateur.get(comments())).body).toHaveLength(listed.body.length);
  });
});
