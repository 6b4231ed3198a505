import { ApiClient, addMember, buildSpace } from '../../testing/api-client.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';

const HOUR = 3600_000;

/**
 * A consent vote's outcome (adopted without objection, blocked with its objections listed), recording an adopted
 * proposal as a decision in one action on the vote's agenda item, and the links between a session, its decision and
 * the project made from it.
 */
describe('consent outcomes, decisions and projects (real PostgreSQL)', () => {
  let t: TestApp;
  let animateur: ApiClient;
  let agree: ApiClient;
  let abstain: ApiClient;
  let spaceId: string;
  let sessionId: string;
  let items: { id: string; title: string }[];

  const openConsent = async (title: string, agendaItemId: string | null) => {
    const vote = await animateur.post(`/api/sessions/${sessionId}/votes`, { kind: 'consent', title, agendaItemId });
    expect(vote.status).toBe(201);
    return vote.body.id as string;
  };
  const answer = (client: ApiClient, voteId: string, answer: string, reason = '') =>
    client.request('PUT', `/api/sessions/${sessionId}/votes/${voteId}/ballot`, { kind: 'consent', answer, reason });
  const close = (voteId: string) => animateur.post(`/api/sessions/${sessionId}/votes/${voteId}/close`, {});
  const viewOf = async (client: ApiClient, voteId: string) =>
    (await client.get(`/api/sessions/${sessionId}/votes`)).body.find((v: { id: string }) => v.id === voteId);
  const decisions = async () => (await animateur.get(`/api/sessions/${sessionId}/decisions`)).body as { id: string; voteId: string | null }[];

  beforeAll(async () => {
    t = await startTestApp();
    [animateur, agree, abstain] = Array.from({ length: 3 }, () => new ApiClient(t.url));
    for (const client of [animateur, agree, abstain]) await client.signUp();
    spaceId = await buildSpace(animateur);
    await addMember(animateur, spaceId, agree, 'contributeur');
    await addMember(animateur, spaceId, abstain, 'contributeur');
    const session = await animateur.post(`/api/spaces/${spaceId}/sessions`, {
      title: 'Atelier mobilités',
      scheduledAt: new Date(Date.now() + HOUR).toISOString(),
      agenda: [
        { title: 'Accueil', durationMinutes: 10 },
        { title: 'Covoiturage solidaire', durationMinutes: 30 },
      ],
    });
    expect(session.status).toBe(201);
    sessionId = session.body.id;
    items = session.body.agenda;
    expect((await animateur.post(`/api/sessions/${sessionId}/facilitation`, { action: 'start' })).status).toBe(200);
    expect((await animateur.post(`/api/sessions/${sessionId}/facilitation`, { action: 'goto', itemId: items[1].id })).status).toBe(200);
  });
  afterAll(() => t.close());

  it('adopts a consent vote without objection once closed, and records it as a decision on its own agenda item in one action, once', async () => {
    const voteId = await openConsent('Lancer une ligne de covoiturage', items[1].id);
    expect((await answer(agree, voteId, 'agree')).status).toBe(200);
    expect((await answer(abstain, voteId, 'disagree')).status).toBe(200);
    expect(await viewOf(agree, voteId)).toMatchObject({ status: 'open', outcome: null });
    // Not yet closed: no outcome, no decision.
    const early = await animateur.post(`/api/sessions/${sessionId}/votes/${voteId}/decision`, {});
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('vote_not_adopted');

    expect((await close(voteId)).status).toBe(200);
    expect(await viewOf(agree, voteId)).toMatchObject({ status: 'closed', outcome: 'adopted' });

    expect((await agree.post(`/api/sessions/${sessionId}/votes/${voteId}/decision`, {})).status).toBe(403);
    const recorded = await animateur.post(`/api/sessions/${sessionId}/votes/${voteId}/decision`, {});
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({ text: 'Lancer une ligne de covoiturage', agendaItemId: items[1].id, voteId, projectId: null });
    const again = await animateur.post(`/api/sessions/${sessionId}/votes/${voteId}/decision`, {});
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('decision_already_recorded');
    expect((await decisions()).filter((d) => d.voteId === voteId)).toHaveLength(1);
  });

  it('blocks a consent vote with one objection, lists the objections, and refuses to make it a decision', async () => {
    const voteId = await openConsent('Supprimer la navette du marché', items[1].id);
    expect((await answer(agree, voteId, 'agree')).status).toBe(200);
    expect((await answer(abstain, voteId, 'objection', 'Les habitants sans voiture perdraient leur seul transport')).status).toBe(200);
    expect((await close(voteId)).status).toBe(200);
    const view = await viewOf(agree, voteId);
    expect(view.outcome).toBe('blocked');
    expect(view.results.objections).toEqual([{ reason: 'Les habitants sans voiture perdraient leur seul transport' }]);
    const before = (await decisions()).length;
    const refused = await animateur.post(`/api/sessions/${sessionId}/votes/${voteId}/decision`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('vote_not_adopted');
    expect(await decisions()).toHaveLength(before);
  });

  it('has no outcome for a closed consent vote nobody answered, nor for other kinds of vote', async () => {
    const silent = await openConsent('Proposition sans réponse', null);
    expect((await close(silent)).status).toBe(200);
    expect((await viewOf(animateur, silent)).outcome).toBe('no_answer');
    const dots = await animateur.post(`/api/sessions/${sessionId}/votes`, {
      kind: 'dot',
      title: 'Priorités',
      options: [
        { key: 'a', label: 'A' },
        { key: 'b', label: 'B' },
      ],
    });
    expect((await close(dots.body.id)).status).toBe(200);
    expect((await viewOf(animateur, dots.body.id)).outcome).toBeNull();
    expect((await animateur.post(`/api/sessions/${sessionId}/votes/${dots.body.id}/decision`, {})).body.code).toBe('vote_not_adopted');
  });

  it('records a typed decision on the agenda item chosen, not the first one', async () => {
    const typed = await animateur.post(`/api/sessions/${sessionId}/decisions`, { text: 'Relancer les employeurs du parc', agendaItemId: items[1].id });
    expect(typed.status).toBe(201);
    expect(typed.body).toMatchObject({ agendaItemId: items[1].id, voteId: null });
    const foreign = await animateur.post(`/api/sessions/${sessionId}/decisions`, { text: 'Ailleurs', agendaItemId: '00000000-0000-4000-8000-000000000000' });
    expect(foreign.status).toBe(400);
  });

  it('links a project made from a decision back to the session and the decision, and the decision to the project', async () => {
    const decision = (await decisions()).find((d) => d.voteId !== null)!;
    const made = await animateur.post(`/api/sessions/${sessionId}/decisions/${decision.id}/project`, {});
    expect(made.status).toBe(200);
    const projectId = made.body.projectId as string;
    expect(projectId).toBeTruthy();
    expect((await decisions()).find((d) => d.id === decision.id)).toMatchObject({ projectId });

    const project = await agree.get(`/api/spaces/${spaceId}/projects/${projectId}`);
    expect(project.status).toBe(200);
    expect(project.body.origin).toEqual({
      sessionId,
      sessionTitle: 'Atelier mobilités',
      decisionId: decision.id,
      decisionText: 'Lancer une ligne de covoiturage',
    });
    const plain = await animateur.post(`/api/spaces/${spaceId}/projects`, { title: 'Projet sans séance' });
    expect(plain.status).toBe(201);
    expect(plain.body.origin).toBeNull();
  });
});
