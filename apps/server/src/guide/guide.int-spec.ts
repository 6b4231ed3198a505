import * as Y from 'yjs';
import { BOARD_NOTES, CollabEvent, SyncStep, TESTIMONY_STORY, sessionBoardDocument, syncFrame, testimonyStoryDocument } from '@concerto/collab';
import { ApiClient, addMember, buildSpace } from '../../testing/api-client.js';
import { openDocument, type OpenedDocument } from '../../testing/collab-clients.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { CollabService } from '../collab/collab.service.js';

describe('guide d’appui: testimonies (real PostgreSQL, real Yjs documents)', () => {
  let t: TestApp;
  let animateur: ApiClient;
  let contributeur: ApiClient;
  let observateur: ApiClient;
  let guest: ApiClient;
  let spaceId: string;
  let collectiviteId: string;
  let networkId: string;
  let regionId: string;
  let projectId: string;
  let foreignProjectId: string;
  const opened: OpenedDocument[] = [];
  const testimonies = () => `/api/spaces/${spaceId}/testimonies`;

  const fundingLine = async (space: string, project: string, amountCents: number, status: string, funderLevel = 'epci', year = 2024) => {
    const response = await animateur.post(`/api/spaces/${space}/projects/${project}/funding-lines`, {
      funderId: funderLevel === 'region' ? regionId : collectiviteId,
      funderLevel,
      year,
      amountCents,
      kind: 'operating',
      status,
    });
    expect(response.status).toBe(201);
    return response.body;
  };

  beforeAll(async () => {
    t = await startTestApp();
    [animateur, contributeur, observateur, guest] = [0, 1, 2, 3].map(() => new ApiClient(t.url));
    for (const c of [animateur, contributeur, observateur, guest]) await c.signUp();
    spaceId = await buildSpace(animateur, { poleName: 'TETRIS' });
    await addMember(animateur, spaceId, contributeur, 'contributeur');
    await addMember(animateur, spaceId, observateur, 'observateur');
    collectiviteId = (await animateur.post('/api/organisations', { kind: 'collectivite', collectiviteLevel: 'epci', name: 'Pays de Grasse' })).body.id;
    regionId = (await animateur.post('/api/organisations', { kind: 'collectivite', collectiviteLevel: 'region', name: 'Région Sud' })).body.id;
    networkId = (await animateur.post('/api/organisations', { kind: 'ess_network', name: 'Réseau ESS' })).body.id;
    projectId = (await animateur.post(`/api/spaces/${spaceId}/projects`, { title: 'Recyclerie' })).body.id;
    const otherSpace = await buildSpace(animateur, { poleName: 'Autre pôle' });
    foreignProjectId = (await animateur.post(`/api/spaces/${otherSpace}/projects`, { title: 'Ailleurs' })).body.id;
  });
  afterAll(async () => {
    for (const o of opened) o.close();
    await t.close();
  });

  it('writes a testimony with collectivités, levers, quotes, typed and live figures read from the whole pole', async () => {
    // A second space of the same pole: its projects count too.
    const sister = (await animateur.post('/api/spaces', { title: 'Espace sœur', pole: { id: (await animateur.get(`/api/spaces/${spaceId}`)).body.pole.id } }))
      .body.id as string;
    const sisterProject = (await animateur.post(`/api/spaces/${sister}/projects`, { title: 'Projet sœur' })).body.id as string;
    const secured = await fundingLine(spaceId, projectId, 12_345_67, 'secured');
    await fundingLine(spaceId, projectId, 500_01, 'paid', 'region', 2021);
    await fundingLine(spaceId, projectId, 9_999_00, 'requested');
    await fundingLine(sister, sisterProject, 250_00, 'paid');
    await fundingLine(spaceId, projectId, 1, 'secured', 'epci', 2019);

    const created = await contributeur.post(testimonies(), {
      title: 'TETRIS à Grasse',
      territory: 'Pays de Grasse',
      collectivites: [{ organisationId: collectiviteId, stages: ['support', 'place', 'support'] }],
      levers: ['pedagogy', 'inter_collectivite'],
      figures: [
        { kind: 'typed', label: 'Emplois créés', value: 45, unit: 'emplois' },
        { kind: 'live', label: 'Financements du pôle', source: { measure: 'funding_total' } },
        { kind: 'live', label: 'Financements EPCI 2020–2025', source: { measure: 'funding_total', funderLevel: 'epci', from: 2020, to: 2025 } },
        { kind: 'live', label: 'Projets', source: { measure: 'projects_count' } },
        { kind: 'live', label: 'Financeurs du projet', source: { measure: 'funders_count', projectId } },
      ],
      quotes: [{ text: 'La coopération, ça se construit.', author: 'Élue', role: "élue à l'économie" }],
    });
    expect(created.status).toBe(201);
    const view = created.body;
    expect(view).toMatchObject({
      spaceId,
      pole: { name: 'TETRIS' },
      status: 'draft',
      version: 1,
      levers: ['pedagogy', 'inter_collectivite'],
      collectivites: [{ organisation: { id: collectiviteId, name: 'Pays de Grasse', level: 'epci' }, stages: ['support', 'place'] }],
      storyDocument: testimonyStoryDocument(view.id),
      createdBy: { id: contributeur.account!.id },
      source: null,
    });
    const values = view.figures.map((f: { value: number }) => f.value);
    // Raised (not requested) lines of both spaces of the pole, to the cent; narrowed by level and years; per project.
    expect(values).toEqual([45, 12_345_67 + 500_01 + 250_00 + 1, 12_345_67 + 250_00, 2, 2]);
    expect(Date.parse(view.figures[1].readAt)).toBeGreaterThan(Date.now() - 60_000);

    // A funding line changes: the live figure follows at the next read.
    const patched = await animateur.patch(`/api/spaces/${spaceId}/projects/${projectId}/funding-lines/${secured.id}`, { version: 1, amountCents: 10_000_00 });
    expect(patched.status).toBe(200);
    const reread = await observateur.get(`${testimonies()}/${view.id}`);
    expect(reread.body.figures[1].value).toBe(10_000_00 + 500_01 + 250_00 + 1);
    expect((await observateur.get(testimonies())).body.map((v: { id: string }) => v.id)).toContain(view.id);
  });

  it('refuses collectivités that are not collectivités and projects of another pole, naming the field', async () => {
    const notCollectivite = await contributeur.post(testimonies(), {
      title: 'Témoignage',
      collectivites: [{ organisationId: networkId, stages: ['support'] }],
    });
    expect(notCollectivite.status).toBe(400);
    expect(notCollectivite.body.issues.map((i: { path: string }) => i.path)).toEqual(['collectivites.0.organisationId']);
    const foreign = await contributeur.post(testimonies(), {
      title: 'Témoignage',
      figures: [
        { kind: 'typed', label: 'Emplois', value: 3, unit: '' },
        { kind: 'live', label: 'Ailleurs', source: { measure: 'funding_total', projectId: foreignProjectId } },
      ],
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.issues.map((i: { path: string }) => i.path)).toEqual(['figures.1.source.projectId']);
  });

  it('moves a testimony from draft to validated by role, and a later change by a contributeur sends it back to reviewed', async () => {
    const id = (await contributeur.post(testimonies(), { title: 'Le Périscope' })).body.id;
    const status = (client: ApiClient, to: string, version: number) => client.post(`${testimonies()}/${id}/status`, { status: to, version });
    expect((await status(observateur, 'reviewed', 1)).status).toBe(403);
    expect((await status(contributeur, 'reviewed', 1)).body).toMatchObject({
      status: 'reviewed',
      version: 2,
      statusChangedBy: { id: contributeur.account!.id },
    });
    expect((await status(contributeur, 'validated', 2)).status).toBe(403);
    const validated = await status(animateur, 'validated', 2);
    expect(validated.body).toMatchObject({ status: 'validated', version: 3, statusChangedBy: { id: animateur.account!.id } });
    expect(validated.body.statusChangedAt).not.toBeNull();
    expect((await status(contributeur, 'draft', 3)).status).toBe(403);

    // Stale version: nothing written.
    const stale = await contributeur.patch(`${testimonies()}/${id}`, { version: 2, title: 'Le Périscope (Sicoval)' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('version_conflict');
    // Saving the same values changes nothing, not even the status.
    expect((await contributeur.patch(`${testimonies()}/${id}`, { version: 3, title: 'Le Périscope' })).body).toMatchObject({ status: 'validated', version: 3 });
    const edited = await contributeur.patch(`${testimonies()}/${id}`, { version: 3, title: 'Le Périscope (Sicoval)' });
    expect(edited.body).toMatchObject({ title: 'Le Périscope (Sicoval)', status: 'reviewed', version: 4, statusChangedBy: { id: contributeur.account!.id } });
    // An animateur's change keeps it validated.
    await status(animateur, 'validated', 4);
    const byAnimateur = await animateur.patch(`${testimonies()}/${id}`, { version: 5, territory: 'Sicoval' });
    expect(byAnimateur.body).toMatchObject({ status: 'validated', territory: 'Sicoval', version: 6 });
    expect((await observateur.patch(`${testimonies()}/${id}`, { version: 6, title: 'Pirate' })).status).toBe(403);
  });

  it('lets animateurs delete any testimony and its author only a draft', async () => {
    const mine = (await contributeur.post(testimonies(), { title: 'Brouillon' })).body;
    const theirs = (await animateur.post(testimonies(), { title: 'Le sien' })).body;
    expect((await contributeur.delete(`${testimonies()}/${theirs.id}`)).status).toBe(403);
    expect((await observateur.delete(`${testimonies()}/${mine.id}`)).status).toBe(403);
    await contributeur.post(`${testimonies()}/${mine.id}/status`, { status: 'reviewed', version: 1 });
    expect((await contributeur.delete(`${testimonies()}/${mine.id}`)).status).toBe(403);
    await contributeur.post(`${testimonies()}/${mine.id}/status`, { status: 'draft', version: 2 });
    expect((await contributeur.delete(`${testimonies()}/${mine.id}`)).status).toBe(204);
    expect((await animateur.delete(`${testimonies()}/${theirs.id}`)).status).toBe(204);
    expect((await animateur.get(`${testimonies()}/${theirs.id}`)).status).toBe(404);
  });

  it('keeps hostile text inert and refuses malformed text', async () => {
    const hostile = await contributeur.post(testimonies(), {
      title: '<script>alert(1)</script>',
      territory: 'Grasse\u0000\u202e',
      quotes: [{ text: '[clic](javascript:alert(1)) <img src=x onerror=alert(1)>', author: 'A\u0007nonyme', role: '' }],
    });
    expect(hostile.status).toBe(201);
    expect(hostile.body).toMatchObject({ title: '<script>alert(1)</script>', territory: 'Grasse' });
    expect(hostile.body.quotes[0]).toEqual({ text: '[clic](javascript:alert(1)) <img src=x onerror=alert(1)>', author: 'Anonyme', role: '' });
    const malformed = await contributeur.post(testimonies(), { title: 'Témoignage \ud800' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.issues).toEqual([{ path: 'title', message: 'Texte mal formé : caractère Unicode isolé (moitié de caractère).' }]);
    const invisible = await contributeur.post(testimonies(), { title: '\u200b\u200b\u200b\u200b' });
    expect(invisible.status).toBe(400);
  });

  it('turns a session contribution marked « Témoignage » into a draft testimony, once', async () => {
    const session = (
      await animateur.post(`/api/spaces/${spaceId}/sessions`, {
        title: 'Atelier territoire',
        scheduledAt: '2026-12-10T09:00:00Z',
        agenda: [{ title: 'Récits', durationMinutes: 30 }],
      })
    ).body;
    await animateur.post(`/api/sessions/${session.id}/guests`, { email: guest.account!.email });
    await animateur.post(`/api/sessions/${session.id}/facilitation`, { action: 'start' });
    const board = await openDocument(t.url, contributeur.cookie, sessionBoardDocument(session.id));
    opened.push(board);
    board.doc.transact(() => {
      for (const [id, text, category] of [
        ['n1', "L'Écopôle alimentaire d'Audruicq\nUne cuisine partagée <b>ouverte</b> à tous", 'testimony'],
        ['n2', 'Une idée', 'idea'],
      ]) {
        const note = new Y.Map<unknown>();
        for (const [k, v] of Object.entries({ itemId: session.agenda[0].id, text, authorId: '', authorName: '', category, x: 0, y: 0, createdAt: Date.now() }))
          note.set(k, v);
        board.doc.getMap(BOARD_NOTES).set(id, note);
      }
    });
    await board.document.waitFor(['saved']);

    const path = `/api/sessions/${session.id}/testimonies`;
    expect((await guest.post(path, { noteId: 'n1' })).status).toBe(403);
    expect((await observateur.post(path, { noteId: 'n1' })).status).toBe(403);
    const idea = await contributeur.post(path, { noteId: 'n2' });
    expect(idea.status).toBe(400);
    expect(idea.body.issues[0].path).toBe('noteId');
    expect((await contributeur.post(path, { noteId: 'absent' })).status).toBe(400);

    const created = await contributeur.post(path, { noteId: 'n1' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      spaceId,
      title: "L'Écopôle alimentaire d'Audruicq",
      status: 'draft',
      source: { sessionId: session.id, sessionTitle: 'Atelier territoire', noteId: 'n1' },
      createdBy: { id: contributeur.account!.id },
    });
    const story = (await t.app.get(CollabService).currentState(testimonyStoryDocument(created.body.id))).getXmlFragment(TESTIMONY_STORY);
    expect(story.length).toBe(1);
    // One paragraph holding the note's text as text: the markup in it is characters, not elements.
    const paragraph = story.get(0) as Y.XmlElement;
    expect(paragraph.nodeName).toBe('paragraph');
    expect(paragraph.toArray().map((node) => [node instanceof Y.XmlText, node.toString()])).toEqual([
      [true, "L'Écopôle alimentaire d'Audruicq Une cuisine partagée <b>ouverte</b> à tous"],
    ]);

    const again = await animateur.post(path, { noteId: 'n1' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'testimony_exists', testimonyId: created.body.id });
  });

  it('gives observateurs the story read-only and refuses their edits', async () => {
    const id = (await contributeur.post(testimonies(), { title: 'Ôkhra à Roussillon' })).body.id as string;
    const writer = await openDocument(t.url, contributeur.cookie, testimonyStoryDocument(id));
    opened.push(writer);
    expect(writer.document.readOnly).toBe(false);
    const watcher = await openDocument(t.url, observateur.cookie, testimonyStoryDocument(id));
    opened.push(watcher);
    expect(watcher.document.readOnly).toBe(true);
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(watcher.doc));
    let update: Uint8Array | undefined;
    forged.on('update', (u: Uint8Array) => (update = u));
    forged.getXmlFragment(TESTIMONY_STORY).insert(0, [new Y.XmlElement('paragraph')]);
    const ack = await watcher.socket.emitWithAck(CollabEvent.message, syncFrame(testimonyStoryDocument(id), SyncStep.update, update!));
    expect(ack).toMatchObject({ ok: false, code: 'read_only' });
  });
});
