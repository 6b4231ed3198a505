import JSZip from 'jszip';
import * as Y from 'yjs';
import { CollabEvent, SyncStep, diagnosticDocument, readSections, sectionContentKey, syncFrame } from '@concerto/collab';
import { CollabDocumentsRepository } from '../collab/collab-documents.repository.js';
import { ApiClient, addMember, buildSpace } from '../../testing/api-client.js';
import { eventually, openDocument, type OpenedDocument } from '../../testing/collab-clients.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';

const paragraph = (text: string, attributes?: Record<string, unknown>) => {
  const p = new Y.XmlElement('paragraph');
  const t = new Y.XmlText();
  t.insert(0, text, attributes);
  p.insert(0, [t]);
  return p;
};

describe('diagnostic: scores, statuses, comments, versions, export (real PostgreSQL, real Yjs)', () => {
  let t: TestApp;
  let animateur: ApiClient;
  let contributeur: ApiClient;
  let observateur: ApiClient;
  let outsider: ApiClient;
  let spaceId: string;
  let editor: OpenedDocument;
  const base = () => `/api/spaces/${spaceId}/diagnostic`;
  const text = (doc: Y.Doc, section: string) => doc.getXmlFragment(sectionContentKey(section)).toString();
  const storedText = async (section: string) => {
    const stored = new Y.Doc();
    for (const update of await new CollabDocumentsRepository(t.dataSource).load(diagnosticDocument(spaceId))) Y.applyUpdate(stored, update);
    return text(stored, section);
  };

  beforeAll(async () => {
    t = await startTestApp({ DIAGNOSTIC_AUTOSAVE_QUIET_MS: '300' });
    [animateur, contributeur, observateur, outsider] = [0, 1, 2, 3].map(() => new ApiClient(t.url));
    for (const c of [animateur, contributeur, observateur, outsider]) await c.signUp();
    spaceId = await buildSpace(animateur, { title: 'Diagnostic du Pays de Grasse' });
    await addMember(animateur, spaceId, contributeur, 'contributeur');
    await addMember(animateur, spaceId, observateur, 'observateur');
    editor = await openDocument(t.url, contributeur.cookie, diagnosticDocument(spaceId));
  });
  afterAll(async () => {
    editor?.close();
    await t.close();
  });

  it('scores and statuses per section, with roles and version checks', async () => {
    const sections = (await observateur.get(`${base()}/sections`)).body;
    expect(sections).toHaveLength(20);
    expect(sections[0]).toMatchObject({ sectionId: 'grid-collectivites', score: null, status: 'to_complete', version: 0, openComments: 0 });
    const saved = await contributeur.request('PUT', `${base()}/sections/grid-territory`, {
      version: 0,
      score: 3,
      justification: 'Périmètre clair',
      status: 'in_progress',
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ score: 3, status: 'in_progress', version: 1, updatedBy: { id: contributeur.account!.id } });
    expect((await animateur.request('PUT', `${base()}/sections/grid-territory`, { version: 0, status: 'validated' })).body.code).toBe('version_conflict');
    expect((await observateur.request('PUT', `${base()}/sections/grid-territory`, { version: 1, score: 1 })).status).toBe(403);
    expect((await contributeur.request('PUT', `${base()}/sections/grid-territory`, { version: 1, score: 5 })).status).toBe(400);
    expect((await contributeur.request('PUT', `${base()}/sections/unknown-section`, { version: 0, score: 1 })).status).toBe(400);
    expect((await outsider.get(`${base()}/sections`)).status).toBe(404);
    const reread = (await observateur.get(`${base()}/sections`)).body.find((s: { sectionId: string }) => s.sectionId === 'grid-territory');
    expect(reread).toMatchObject({ score: 3, justification: 'Périmètre clair', version: 1 });
  });

  it('threads comments on passages; observateurs comment only when allowed', async () => {
    const anchor = { start: Buffer.from('start').toString('base64'), end: Buffer.from('end').toString('base64'), quote: 'le territoire' };
    expect((await observateur.post(`${base()}/comments`, { sectionId: 'grid-territory', anchor, body: 'Question' })).body.code).toBe('comments_closed');
    expect((await contributeur.request('PUT', `${base()}/settings`, { observersCanComment: true })).status).toBe(403);
    expect((await animateur.request('PUT', `${base()}/settings`, { observersCanComment: true })).status).toBe(200);
    const thread = await observateur.post(`${base()}/comments`, {
      sectionId: 'grid-territory',
      anchor,
      body: 'Quelles communes ?',
      mentions: [contributeur.account!.id],
    });
    expect(thread.status).toBe(201);
    expect(thread.body).toMatchObject({ parentId: null, anchor, mentions: [{ id: contributeur.account!.id }] });
    const reply = await contributeur.post(`${base()}/comments`, { parentId: thread.body.id, body: 'Les 23 communes de la CAPG' });
    expect(reply.body).toMatchObject({ parentId: thread.body.id, sectionId: 'grid-territory', anchor: null });
    const nested = await animateur.post(`${base()}/comments`, { parentId: reply.body.id, body: 'Merci' });
    expect(nested.body.parentId).toBe(thread.body.id);
    expect((await contributeur.post(`${base()}/comments`, { parentId: thread.body.id, body: 'x', mentions: [outsider.account!.id] })).status).toBe(400);
    expect((await observateur.get(`${base()}/sections`)).body.find((s: { sectionId: string }) => s.sectionId === 'grid-territory').openComments).toBe(1);
    expect((await contributeur.patch(`${base()}/comments/${reply.body.id}`, { resolved: true })).status).toBe(400);
    const resolved = await contributeur.patch(`${base()}/comments/${thread.body.id}`, { resolved: true });
    expect(resolved.body).toMatchObject({ resolvedBy: { id: contributeur.account!.id } });
    expect((await observateur.get(`${base()}/sections`)).body.find((s: { sectionId: string }) => s.sectionId === 'grid-territory').openComments).toBe(0);
    expect((await contributeur.patch(`${base()}/comments/${thread.body.id}`, { resolved: false })).body.resolvedAt).toBeNull();
    expect((await contributeur.patch(`${base()}/comments/${thread.body.id}`, { body: 'Pas mon commentaire' })).status).toBe(403);
    expect((await contributeur.delete(`${base()}/comments/${nested.body.id}`)).status).toBe(403);
    expect((await animateur.delete(`${base()}/comments/${nested.body.id}`)).status).toBe(204);
    expect((await observateur.get(`${base()}/comments`)).body).toHaveLength(2);
  });

  it('saves a version by itself once a burst of editing is over', async () => {
    editor.doc.getXmlFragment(sectionContentKey('grid-cooperation')).insert(0, [paragraph('Premier jet.')]);
    await editor.document.waitFor(['saved']);
    await eventually(async () => (await observateur.get(`${base()}/versions`)).body.length === 1, 5000, 'automatic version');
    const [auto] = (await observateur.get(`${base()}/versions`)).body;
    expect(auto).toMatchObject({ kind: 'auto', createdBy: null, contributors: [{ id: contributeur.account!.id }] });
    // Nothing new, nothing saved.
    await new Promise((r) => setTimeout(r, 600));
    expect((await observateur.get(`${base()}/versions`)).body).toHaveLength(1);
  });

  it('saves named versions with their contributors, compares them with today and restores one live', async () => {
    editor.doc.getXmlFragment(sectionContentKey('grid-territory')).insert(0, [paragraph('Le pôle couvre 23 communes.')]);
    await editor.document.waitFor(['saved']);
    const saved = await contributeur.post(`${base()}/versions`, { name: 'Version présentée au comité de pilotage' });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ kind: 'manual', createdBy: { id: contributeur.account!.id }, contributors: [{ id: contributeur.account!.id }] });
    expect((await observateur.post(`${base()}/versions`, { name: 'Interdit' })).status).toBe(403);

    const fragment = editor.doc.getXmlFragment(sectionContentKey('grid-territory'));
    editor.doc.transact(() => {
      fragment.delete(0, fragment.length);
      fragment.insert(0, [paragraph('Le pôle couvre désormais 30 communes.')]);
    });
    editor.doc.getXmlFragment(sectionContentKey('grid-economy')).insert(0, [paragraph('Filière parfum.')]);
    await editor.document.waitFor(['saved']);

    const content = (await observateur.get(`${base()}/versions/${saved.body.id}`)).body;
    expect(content.sections.find((s: { id: string }) => s.id === 'grid-territory').markdown).toBe('Le pôle couvre 23 communes\\.'.replace('\\.', '.'));
    const comparison = (await observateur.get(`${base()}/versions/${saved.body.id}/compare`)).body;
    const territory = comparison.sections.find((s: { id: string }) => s.id === 'grid-territory');
    expect(territory.change).toBe('changed');
    expect(territory.runs).toEqual(
      expect.arrayContaining([
        { op: 'removed', text: '23' },
        { op: 'added', text: 'désormais 30' },
      ]),
    );
    expect(comparison.sections.find((s: { id: string }) => s.id === 'grid-economy').runs).toEqual([{ op: 'added', text: 'Filière parfum.' }]);
    expect(comparison.sections.find((s: { id: string }) => s.id === 'lever-pedagogy').change).toBe('unchanged');

    const watcher = await openDocument(t.url, observateur.cookie, diagnosticDocument(spaceId));
    const restored = await contributeur.post(`${base()}/versions/${saved.body.id}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body.kind).toBe('restore');
    // The restore is a new change that connected clients receive live.
    await eventually(() => text(watcher.doc, 'grid-territory').includes('23 communes'), 5000, 'restore relayed');
    await eventually(
      () => text(editor.doc, 'grid-territory').includes('23 communes') && text(editor.doc, 'grid-economy') === '',
      5000,
      'restore on the editor',
    );
    expect(readSections(watcher.doc)).toHaveLength(20);
    watcher.close();
    const list = (await observateur.get(`${base()}/versions`)).body;
    // Automatic versions may come in between (the edits above were a burst).
    expect(list.map((v: { kind: string }) => v.kind).filter((k: string) => k !== 'auto')).toEqual(['restore', 'manual']);
  });

  it('refuses content outside the editor schema and section changes by non-animateurs, changing nothing', async () => {
    const forge = (edit: (doc: Y.Doc) => void) => {
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(editor.doc));
      let update: Uint8Array | undefined;
      copy.on('update', (u: Uint8Array) => (update = u));
      copy.transact(() => edit(copy));
      return update!;
    };
    const send = (update: Uint8Array, client = editor) =>
      client.socket.emitWithAck(CollabEvent.message, syncFrame(diagnosticDocument(spaceId), SyncStep.update, update));
    const before = await storedText('lever-pedagogy');
    const badLink = forge((d) =>
      d.getXmlFragment(sectionContentKey('lever-pedagogy')).insert(0, [paragraph('lien piégé', { link: { href: 'javascript:alert(1)' } })]),
    );
    expect(await send(badLink)).toMatchObject({ ok: false, code: 'invalid_content' });
    const script = forge((d) => d.getXmlFragment(sectionContentKey('lever-pedagogy')).insert(0, [new Y.XmlElement('script')]));
    expect(await send(script)).toMatchObject({ ok: false, code: 'invalid_content' });
    const rename = forge((d) => (d.getArray<Y.Map<unknown>>('sections').get(0) as Y.Map<unknown>).set('title', 'Renommé'));
    expect(await send(rename)).toMatchObject({ ok: false, code: 'not_allowed' });
    const remove = forge((d) => d.getArray('sections').delete(0, 1));
    expect(await send(remove)).toMatchObject({ ok: false, code: 'not_allowed' });
    expect(await storedText('lever-pedagogy')).toBe(before);
    // The animateur may rename a section.
    const facilitator = await openDocument(t.url, animateur.cookie, diagnosticDocument(spaceId));
    const renamed = forge((d) => (d.getArray<Y.Map<unknown>>('sections').get(1) as Y.Map<unknown>).set('title', 'Statut et avancement du pôle'));
    expect(await send(renamed, facilitator)).toMatchObject({ ok: true });
    facilitator.close();
    await eventually(() => readSections(editor.doc)[1].title === 'Statut et avancement du pôle', 5000, 'rename relayed');
  });

  it('exports Markdown and DOCX with sections, scores and statuses, and hostile text stays inert', async () => {
    const hostile = editor.doc.getXmlFragment(sectionContentKey('lever-pedagogy'));
    hostile.insert(0, [
      paragraph('<script>alert("x")</script> Cliquez\u0007 ici', { bold: true }),
      paragraph('site du RTES', { link: { href: 'https://www.rtes.fr' } }),
    ]);
    const heading = new Y.XmlElement('heading');
    heading.setAttribute('level', '2' as unknown as string);
    heading.insert(0, [new Y.XmlText('Actions de sensibilisation')]);
    hostile.insert(hostile.length, [heading]);
    await editor.document.waitFor(['saved']);

    const md = (await observateur.request('GET', `${base()}/export?format=md`)).body as string;
    expect(md).toContain('# Diagnostic partagé — Diagnostic du Pays de Grasse');
    expect(md).toContain('## Territoire');
    expect(md).toContain('*Statut : En cours — Auto-évaluation : 3/4*');
    expect(md).toContain('\\<script\\>');
    expect(md).not.toContain('<script>');
    expect(md).not.toContain('javascript:');
    expect(md).not.toContain('\u0007');
    expect(md).toContain('[site du RTES](https://www.rtes.fr)');
    expect(md).toContain('### Actions de sensibilisation');

    const response = await fetch(`${t.url}${base()}/export?format=docx`, { headers: { cookie: observateur.cookie! } });
    expect(response.headers.get('content-type')).toMatch(/wordprocessingml/);
    const zip = await JSZip.loadAsync(Buffer.from(await response.arrayBuffer()));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toMatch(/<w:pStyle w:val="Heading2"\/>.*?Territoire/s);
    expect(xml).toContain('Statut : En cours — Auto-évaluation : 3/4');
    expect(xml).toContain('&lt;script&gt;');
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain('\u0007');
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
    expect(rels).toContain('https://www.rtes.fr');
    expect(rels).not.toContain('javascript:');
  });
});
