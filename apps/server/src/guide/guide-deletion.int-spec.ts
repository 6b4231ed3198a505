import * as Y from 'yjs';
import { ANALYSIS_TEXT, type CollabError, CollabEvent, TESTIMONY_STORY, analysisTextDocument, testimonyStoryDocument } from '@concerto/collab';
import { ApiClient, addMember, buildSpace } from '../../testing/api-client.js';
import { eventually, openDocument, type OpenedDocument } from '../../testing/collab-clients.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';

/** Rows a document still has in each `collab_*` table. */
async function storedRows(t: TestApp, doc: string): Promise<{ updates: number; snapshots: number; contributions: number }> {
  const [row] = (await t.dataSource.query(
    `SELECT (SELECT count(*) FROM collab_update WHERE doc = $1)::int AS updates,
            (SELECT count(*) FROM collab_snapshot WHERE doc = $1)::int AS snapshots,
            (SELECT count(*) FROM collab_contribution WHERE doc = $1)::int AS contributions`,
    [doc],
  )) as { updates: number; snapshots: number; contributions: number }[];
  return row;
}

/** Writes a paragraph through the socket, waits until it is stored and its author recorded. */
async function write(t: TestApp, opened: OpenedDocument, fragment: string, text: string): Promise<void> {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  opened.doc.getXmlFragment(fragment).insert(0, [paragraph]);
  await opened.document.waitFor(['saved']);
  await eventually(async () => (await storedRows(t, opened.document.name)).contributions > 0, 10_000, 'the contribution recorded');
}

describe('guide d’appui: deleting a testimony or an analysis deletes its co-edited text (real PostgreSQL, real socket.io, real Yjs)', () => {
  let t: TestApp;
  let animateur: ApiClient;
  let contributeur: ApiClient;
  let spaceId: string;
  const opened: OpenedDocument[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    [animateur, contributeur] = [0, 1].map(() => new ApiClient(t.url));
    for (const c of [animateur, contributeur]) await c.signUp();
    spaceId = await buildSpace(animateur, { poleName: 'TETRIS' });
    await addMember(animateur, spaceId, contributeur, 'contributeur');
  });
  afterAll(async () => {
    for (const o of opened) o.close();
    await t.close();
  });

  it('closes a testimony’s story for the client that has it open (`document_deleted`, for good) and leaves no row behind', async () => {
    const testimonyId = (await contributeur.post(`/api/spaces/${spaceId}/testimonies`, { title: 'La recyclerie de Grasse' })).body.id as string;
    const other = (await contributeur.post(`/api/spaces/${spaceId}/testimonies`, { title: 'Le Périscope' })).body.id as string;
    const story = await openDocument(t.url, contributeur.cookie, testimonyStoryDocument(testimonyId));
    const kept = await openDocument(t.url, contributeur.cookie, testimonyStoryDocument(other));
    opened.push(story, kept);
    await write(t, story, TESTIMONY_STORY, 'La recyclerie a ouvert en 2019.');
    await write(t, kept, TESTIMONY_STORY, 'Le Périscope accompagne les porteurs de projet.');
    const closed: string[] = [];
    story.socket.on(CollabEvent.closed, (c: { doc: string; code: string }) => closed.push(`${c.doc} ${c.code}`));
    const errors: CollabError[] = [];
    story.document.onError((e) => errors.push(e));
    expect((await storedRows(t, story.document.name)).updates + (await storedRows(t, story.document.name)).snapshots).toBeGreaterThan(0);

    expect((await contributeur.delete(`/api/spaces/${spaceId}/testimonies/${testimonyId}`)).status).toBe(204);
    await eventually(() => closed.length > 0, 5000, 'the story closed');
    expect(closed).toEqual([`${testimonyStoryDocument(testimonyId)} document_deleted`]);
    await eventually(() => errors.some((e) => e.code === 'document_deleted'), 5000, 'the client told');
    expect(await storedRows(t, testimonyStoryDocument(testimonyId))).toEqual({ updates: 0, snapshots: 0, contributions: 0 });
    // The client does not come back (final), even after a while, and a late edit of its copy stores nothing.
    story.doc.getXmlFragment(TESTIMONY_STORY).insert(0, [new Y.XmlElement('paragraph')]);
    await new Promise((r) => setTimeout(r, 300));
    expect(story.document.status).not.toBe('saved');
    expect(await storedRows(t, testimonyStoryDocument(testimonyId))).toEqual({ updates: 0, snapshots: 0, contributions: 0 });
    const rejoin = await story.socket.emitWithAck(CollabEvent.join, { doc: testimonyStoryDocument(testimonyId) });
    expect(rejoin).toMatchObject({ ok: false, code: 'not_found' });
    // The other testimony's story is untouched, still open and stored.
    expect(kept.document.status).toBe('saved');
    const left = await storedRows(t, testimonyStoryDocument(other));
    expect(left.updates + left.snapshots).toBeGreaterThan(0);
    expect(left.contributions).toBe(1);
  });

  it('does the same for an analysis chapter’s text, and a refused deletion closes nothing', async () => {
    const id = (await contributeur.post(`/api/spaces/${spaceId}/analyses`, { title: 'La transversalité', scope: { kind: 'free' } })).body.id as string;
    const text = await openDocument(t.url, contributeur.cookie, analysisTextDocument(id));
    opened.push(text);
    await write(t, text, ANALYSIS_TEXT, 'Les services se parlent.');
    const closed: string[] = [];
    text.socket.on(CollabEvent.closed, (c: { doc: string; code: string }) => closed.push(c.code));

    expect((await contributeur.delete(`/api/spaces/${spaceId}/analyses/${id}`)).status).toBe(403);
    await new Promise((r) => setTimeout(r, 200));
    expect(closed).toEqual([]);
    expect((await storedRows(t, analysisTextDocument(id))).contributions).toBe(1);

    expect((await animateur.delete(`/api/spaces/${spaceId}/analyses/${id}`)).status).toBe(204);
    await eventually(() => closed.length > 0, 5000, 'the text closed');
    expect(closed).toEqual(['document_deleted']);
    expect(await storedRows(t, analysisTextDocument(id))).toEqual({ updates: 0, snapshots: 0, contributions: 0 });
    expect((await animateur.delete(`/api/spaces/${spaceId}/analyses/${id}`)).status).toBe(404);
  });
});
