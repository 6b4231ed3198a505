import JSZip from 'jszip';
import * as Y from 'yjs';
import { BOARD_CLUSTERS, BOARD_NOTES, sessionBoardDocument } from '@concerto/collab';
import { Lever } from '@concerto/domain';
import { ApiClient, addMember, buildSpace } from '../../testing/api-client.js';
import { eventually, openDocument, type OpenedDocument } from '../../testing/collab-clients.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';

describe('live concertation sessions (real PostgreSQL, real Yjs board)', () => {
  let t: TestApp;
  let animateur: ApiClient;
  let contributeur: ApiClient;
  let observateur: ApiClient;
  let guest: ApiClient;
  let spaceId: string;
  const opened: OpenedDocument[] = [];

  const createSession = async (overrides: Record<string, unknown> = {}) => {
    const response = await animateur.post(`/api/spaces/${spaceId}/sessions`, {
      title: 'Temps d’échange — priorités 2027',
      scheduledAt: '2026-12-10T09:00:00+01:00',
      place: 'Salle du conseil, Grasse',
      mode: 'hybrid',
      agenda: [
        { title: 'Tour de table', durationMinutes: 10 },
        { title: 'Diagnostic : coopération', durationMinutes: 30, diagnosticSectionId: 'grid-cooperation' },
        { title: 'Priorités sur les leviers', durationMinutes: 20, lever: 'inter_collectivite' },
      ],
      participantIds: [contributeur.account!.id, observateur.account!.id],
      ...overrides,
    });
    expect(response.status).toBe(201);
    return response.body;
  };
  const facilitate = (sessionId: string, body: Record<string, unknown>, client = animateur) => client.post(`/api/sessions/${sessionId}/facilitation`, body);

  beforeAll(async () => {
    t = await startTestApp();
    [animateur, contributeur, observateur, guest] = [0, 1, 2, 3].map(() => new ApiClient(t.url));
    for (const c of [animateur, contributeur, observateur, guest]) await c.signUp();
    spaceId = await buildSpace(animateur);
    await addMember(animateur, spaceId, contributeur, 'contributeur');
    await addMember(animateur, spaceId, observateur, 'observateur');
  });
  afterAll(async () => {
    for (const o of opened) o.close();
    await t.close();
  });

  it('prepares a session with its agenda and lists it', async () => {
    const session = await createSession();
    expect(session).toMatchObject({ status: 'planned', mode: 'hybrid', myRole: 'animateur' });
    expect(session.agenda.map((i: { title: string; status: string }) => [i.title, i.status])).toEqual([
      ['Tour de table', 'pending'],
      ['Diagnostic : coopération', 'pending'],
      ['Priorités sur les leviers', 'pending'],
    ]);
    expect(session.participants.filter((p: { invited: boolean }) => p.invited)).toHaveLength(2);
    const list = await observateur.get(`/api/spaces/${spaceId}/sessions`);
    expect(list.body.map((s: { id: string }) => s.id)).toContain(session.id);
    expect((await contributeur.post(`/api/spaces/${spaceId}/sessions`, { title: 'Interdit', scheduledAt: '2026-12-10T09:00:00Z' })).status).toBe(403);
    expect(
      (await animateur.post(`/api/spaces/${spaceId}/sessions`, { title: 'Mauvais lien', scheduledAt: '2026-12-10T09:00:00Z', link: 'javascript:alert(1)' }))
        .status,
    ).toBe(400);
    expect(
      (await animateur.post(`/api/spaces/${spaceId}/sessions`, { title: 'Inconnu', scheduledAt: '2026-12-10T09:00:00Z', participantIds: [guest.account!.id] }))
        .status,
    ).toBe(400);
  });

  it('runs the agenda on the server clock: start, pause, resume, extend, next, goto', async () => {
    const session = await createSession();
    expect((await facilitate(session.id, { action: 'next' })).body.code).toBe('session_not_live');
    expect((await facilitate(session.id, { action: 'start' }, contributeur)).status).toBe(403);
    const started = (await facilitate(session.id, { action: 'start' })).body;
    expect(started.status).toBe('live');
    expect(started.agenda[0]).toMatchObject({ status: 'current', plannedMs: 600_000 });
    expect(started.agenda[0].runningSince).toBeLessThanOrEqual(started.serverNow);
    expect((await facilitate(session.id, { action: 'start' })).status).toBe(409);
    // A participant joining late computes the same remaining time from the server's clock.
    const late = (await observateur.get(`/api/sessions/${session.id}`)).body;
    const remaining = (v: typeof late) =>
      v.agenda[0].plannedMs + v.agenda[0].extraMs - v.agenda[0].elapsedMs - (v.agenda[0].runningSince ? v.serverNow - v.agenda[0].runningSince : 0);
    expect(Math.abs(remaining(late) - remaining(started) + (late.serverNow - started.serverNow))).toBeLessThan(1000);
    const paused = (await facilitate(session.id, { action: 'pause' })).body;
    expect(paused.agenda[0].runningSince).toBeNull();
    await new Promise((r) => setTimeout(r, 50));
    expect((await observateur.get(`/api/sessions/${session.id}`)).body.agenda[0].elapsedMs).toBe(paused.agenda[0].elapsedMs);
    expect((await facilitate(session.id, { action: 'pause' })).status).toBe(409);
    await facilitate(session.id, { action: 'resume' });
    const extended = (await facilitate(session.id, { action: 'extend', minutes: 5 })).body;
    expect(extended.agenda[0].extraMs).toBe(300_000);
    const next = (await facilitate(session.id, { action: 'next' })).body;
    expect(next.agenda.map((i: { status: string }) => i.status)).toEqual(['done', 'current', 'pending']);
    expect(next.agenda[0].endedAt).not.toBeNull();
    const jumped = (await facilitate(session.id, { action: 'goto', itemId: next.agenda[2].id })).body;
    expect(jumped.agenda.map((i: { status: string }) => i.status)).toEqual(['done', 'done', 'current']);
    expect((await facilitate(session.id, { action: 'goto', itemId: '00000000-0000-4000-8000-000000000000' })).status).toBe(409);
    expect((await facilitate(session.id, { action: 'extend', minutes: 0 })).status).toBe(400);
  });

  it('never lets a participant spend more dots than they have, even with concurrent clicks', async () => {
    const session = await createSession();
    await facilitate(session.id, { action: 'start' });
    const options = Lever.keys.map((key, i) => ({ key, label: `Levier ${i + 1}` }));
    const vote = (await animateur.post(`/api/sessions/${session.id}/votes`, { kind: 'dot', title: 'Les leviers prioritaires', options })).body;
    expect(vote).toMatchObject({ dotsPerParticipant: 8, status: 'open' });
    const clicks = await Promise.all(
      Array.from({ length: 20 }, (_, i) => contributeur.post(`/api/sessions/${session.id}/votes/${vote.id}/dots`, { option: options[i % 3].key, delta: 1 })),
    );
    expect(clicks.filter((r) => r.status === 200)).toHaveLength(8);
    expect(clicks.filter((r) => r.status === 409).every((r) => r.body.code === 'dot_budget_exceeded')).toBe(true);
    const ballot = (await contributeur.get(`/api/sessions/${session.id}/votes/${vote.id}/ballot`)).body;
    expect(ballot.dotsUsed).toBe(8);
    // The budget is the database's rule, not only the service's.
    await expect(t.dataSource.query(`UPDATE vote_ballot SET dots_used = 9 WHERE vote_id = $1`, [vote.id])).rejects.toThrow(/vote_ballot_dots_within_budget/);
    expect(Object.values(ballot.allocations).reduce((a: number, b) => a + (b as number), 0)).toBe(8);
    // A whole ballot beyond the budget is refused and changes nothing; within it, it replaces the previous one.
    const tooMany = await contributeur.request('PUT', `/api/sessions/${session.id}/votes/${vote.id}/ballot`, {
      kind: 'dot',
      allocations: { pedagogy: 5, skills_support: 4 },
    });
    expect(tooMany.body.code).toBe('dot_budget_exceeded');
    expect((await contributeur.get(`/api/sessions/${session.id}/votes/${vote.id}/ballot`)).body.dotsUsed).toBe(8);
    const changed = await contributeur.request('PUT', `/api/sessions/${session.id}/votes/${vote.id}/ballot`, {
      kind: 'dot',
      allocations: { pedagogy: 6, skills_support: 2 },
    });
    expect(changed.body).toMatchObject({ dotsUsed: 8, allocations: { pedagogy: 6, skills_support: 2 } });
    expect((await contributeur.post(`/api/sessions/${session.id}/votes/${vote.id}/dots`, { option: 'urban_projects', delta: -1 })).status).toBe(409);
    expect((await contributeur.post(`/api/sessions/${session.id}/votes/${vote.id}/dots`, { option: 'nope', delta: 1 })).status).toBe(400);
    expect((await observateur.post(`/api/sessions/${session.id}/votes/${vote.id}/dots`, { option: 'pedagogy', delta: 1 })).status).toBe(403);
    const results = (await observateur.get(`/api/sessions/${session.id}/votes/${vote.id}/results`)).body.results;
    expect(results.voters).toBe(1);
    expect(results.options.find((o: { key: string }) => o.key === 'pedagogy').dots).toBe(6);
  });

  it('requires a reason for an objection and hides results until the vote closes when asked', async () => {
    const session = await createSession();
    await facilitate(session.id, { action: 'start' });
    const vote = (
      await animateur.post(`/api/sessions/${session.id}/votes`, { kind: 'consent', title: 'Créer un groupement d’employeurs', resultsVisibility: 'on_close' })
    ).body;
    const path = `/api/sessions/${session.id}/votes/${vote.id}`;
    expect((await contributeur.request('PUT', `${path}/ballot`, { kind: 'consent', answer: 'objection' })).status).toBe(400);
    expect(
      (await contributeur.request('PUT', `${path}/ballot`, { kind: 'consent', answer: 'objection', reason: 'Le portage juridique n’est pas défini' })).status,
    ).toBe(200);
    expect((await contributeur.request('PUT', `${path}/ballot`, { kind: 'score', scores: {} })).status).toBe(400);
    const hidden = await contributeur.get(`${path}/results`);
    expect(hidden.status).toBe(403);
    expect(hidden.body.code).toBe('results_hidden');
    expect((await observateur.get(`/api/sessions/${session.id}/votes`)).body[0].results).toBeNull();
    expect((await animateur.get(`${path}/results`)).body.results.consent).toEqual({ agree: 0, abstain: 0, disagree: 0, objection: 1 });
    await animateur.post(`${path}/close`);
    const shown = (await contributeur.get(`${path}/results`)).body.results;
    expect(shown.objections).toEqual([{ reason: 'Le portage juridique n’est pas défini' }]);
    expect((await contributeur.request('PUT', `${path}/ballot`, { kind: 'consent', answer: 'agree' })).body.code).toBe('vote_closed');
  });

  it('lets a guest take part in that session only', async () => {
    const session = await createSession();
    const other = await createSession({ title: 'Autre séance' });
    expect((await animateur.post(`/api/sessions/${session.id}/guests`, { email: 'personne@nulle.part' })).body.code).toBe('account_not_found');
    expect((await animateur.post(`/api/sessions/${session.id}/guests`, { email: contributeur.account!.email })).body.code).toBe('already_member');
    expect((await animateur.post(`/api/sessions/${session.id}/guests`, { email: guest.account!.email })).status).toBe(201);
    expect((await guest.get(`/api/sessions/${session.id}`)).body.myRole).toBe('contributeur');
    expect((await guest.get(`/api/sessions/${other.id}`)).status).toBe(404);
    expect((await guest.get(`/api/spaces/${spaceId}`)).status).toBe(404);
    expect((await guest.get(`/api/spaces/${spaceId}/sessions`)).status).toBe(404);
    await facilitate(session.id, { action: 'start' });
    const vote = (
      await animateur.post(`/api/sessions/${session.id}/votes`, {
        kind: 'score',
        title: 'Faisabilité',
        options: [
          { key: 'a', label: 'Lieu partagé' },
          { key: 'b', label: 'Plateforme' },
        ],
      })
    ).body;
    expect((await guest.request('PUT', `/api/sessions/${session.id}/votes/${vote.id}/ballot`, { kind: 'score', scores: { a: 4, b: 2 } })).status).toBe(200);
    expect((await guest.request('PUT', `/api/sessions/${session.id}/votes/${vote.id}/ballot`, { kind: 'score', scores: { a: 6 } })).status).toBe(400);
    const board = await openDocument(t.url, guest.cookie, sessionBoardDocument(session.id));
    opened.push(board);
    expect(board.document.readOnly).toBe(false);
    const watcher = await openDocument(t.url, observateur.cookie, sessionBoardDocument(session.id));
    opened.push(watcher);
    expect(watcher.document.readOnly).toBe(true);
    expect((await animateur.delete(`/api/sessions/${session.id}/guests/${guest.account!.id}`)).status).toBe(204);
    expect((await guest.get(`/api/sessions/${session.id}`)).status).toBe(404);
  });

  it('closes with minutes: attendance, actual times, clusters and notes, results and decisions; exports them', async () => {
    const session = await createSession({ title: 'Séance <b>plénière</b>' });
    await facilitate(session.id, { action: 'start' });
    await contributeur.post(`/api/sessions/${session.id}/attendance`);
    const items = (await animateur.get(`/api/sessions/${session.id}`)).body.agenda;
    const board = await openDocument(t.url, contributeur.cookie, sessionBoardDocument(session.id));
    opened.push(board);
    board.doc.transact(() => {
      const cluster = new Y.Map<unknown>();
      cluster.set('itemId', items[0].id);
      cluster.set('title', 'Mobilité');
      board.doc.getMap(BOARD_CLUSTERS).set('c1', cluster);
      for (const [id, text, clusterId] of [
        ['n1', 'Covoiturage des salariés', 'c1'],
        ['n2', '[piège](javascript:alert(1))', null],
      ] as const) {
        const note = new Y.Map<unknown>();
        for (const [k, v] of Object.entries({
          itemId: items[0].id,
          text,
          authorId: contributeur.account!.id,
          authorName: 'Karim',
          category: 'idea',
          x: 0,
          y: 0,
          clusterId,
          createdAt: Date.now(),
        }))
          note.set(k, v);
        board.doc.getMap(BOARD_NOTES).set(id, note);
      }
    });
    await board.document.waitFor(['saved']);
    const vote = (
      await animateur.post(`/api/sessions/${session.id}/votes`, {
        kind: 'dot',
        title: 'Priorités',
        agendaItemId: items[0].id,
        options: [
          { key: 'x', label: 'Mobilité' },
          { key: 'y', label: 'Lieu' },
        ],
      })
    ).body;
    await contributeur.post(`/api/sessions/${session.id}/votes/${vote.id}/dots`, { option: 'x', delta: 1 });
    const decision = (
      await animateur.post(`/api/sessions/${session.id}/decisions`, { text: 'Lancer une étude de mobilité partagée', agendaItemId: items[0].id })
    ).body;
    const asProject = await animateur.post(`/api/sessions/${session.id}/decisions/${decision.id}/project`);
    expect(asProject.status).toBe(200);
    const project = (await observateur.get(`/api/spaces/${spaceId}/projects/${asProject.body.projectId}`)).body;
    expect(project.title).toBe('Lancer une étude de mobilité partagée');

    expect((await contributeur.post(`/api/sessions/${session.id}/close`)).status).toBe(403);
    const minutes = (await animateur.post(`/api/sessions/${session.id}/close`)).body;
    expect(minutes.attendance).toEqual(
      expect.arrayContaining([
        { displayName: contributeur.account!.displayName, kind: 'member', attended: true },
        { displayName: observateur.account!.displayName, kind: 'member', attended: false },
      ]),
    );
    expect(minutes.agenda[0].clusters).toEqual([
      { title: 'Mobilité', notes: [{ text: 'Covoiturage des salariés', author: 'Karim', authorKind: 'member', category: 'idea' }] },
      { title: '', notes: [{ text: '[piège](javascript:alert(1))', author: 'Karim', authorKind: 'member', category: 'idea' }] },
    ]);
    expect(minutes.agenda[0].votes[0].results.options[0]).toMatchObject({ key: 'x', dots: 1 });
    expect(minutes.decisions).toEqual([{ text: 'Lancer une étude de mobilité partagée', item: 'Tour de table', projectId: project.id }]);
    expect((await observateur.get(`/api/sessions/${session.id}/minutes`)).body).toEqual(minutes);
    expect((await animateur.post(`/api/sessions/${session.id}/close`)).body.code).toBe('session_closed');
    // An item worked on the diagnostic: closing saved a version of it.
    const versions = (await observateur.get(`/api/spaces/${spaceId}/diagnostic/versions`)).body;
    expect(versions).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'session', name: 'Séance « Séance <b>plénière</b> »' })]));
    // The board is archived read-only.
    await eventually(
      async () => await openDocument(t.url, contributeur.cookie, sessionBoardDocument(session.id)).then((o) => (opened.push(o), o.document.readOnly)),
      5000,
      'read-only board',
    );

    const md = await observateur.request('GET', `/api/sessions/${session.id}/minutes/export?format=md`);
    expect(md.headers.get('content-type')).toMatch(/text\/markdown/);
    expect(md.body).toContain('# Compte-rendu — Séance \\<b\\>plénière\\</b\\>');
    expect(md.body).toContain('- Covoiturage des salariés — Karim');
    expect(md.body).toContain('\\[piège\\]\\(javascript:alert\\(1\\)\\)');
    expect(md.body).not.toContain('](javascript:');
    const english = await observateur.request('GET', `/api/sessions/${session.id}/minutes/export?format=md&lang=en`);
    expect(english.body).toContain('# Minutes — ');
    const docx = await fetch(`${t.url}/api/sessions/${session.id}/minutes/export?format=docx`, { headers: { cookie: observateur.cookie! } });
    expect(docx.headers.get('content-disposition')).toMatch(/compte-rendu-seance-b-pleniere-b\.docx/);
    const zip = await JSZip.loadAsync(Buffer.from(await docx.arrayBuffer()));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('Ordre du jour');
    expect(xml).toContain('Covoiturage des salariés');
    expect(xml).toContain('Séance &lt;b&gt;plénière&lt;/b&gt;');
    expect(xml).toMatch(/w:pStyle w:val="Heading1"/);
  });
});
