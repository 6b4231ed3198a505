import { ApiClient, addMember, buildSpace } from '../../testing/api-client.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';

/**
 * Every area's producers, through the real API: who receives each kind (and where it leads), who does not — the actor,
 * an outsider, a removed member, an observateur where only voters are concerned.
 */
describe('notification producers (real PostgreSQL, through the API)', () => {
  let t: TestApp;
  let animateur: ApiClient;
  let contributeur: ApiClient;
  let observateur: ApiClient;
  let outsider: ApiClient;
  let removed: ApiClient;
  let guest: ApiClient;
  let spaceId: string;

  beforeAll(async () => {
    t = await startTestApp();
    [animateur, contributeur, observateur, outsider, removed, guest] = Array.from({ length: 6 }, () => new ApiClient(t.url));
    await animateur.signUp({ displayName: 'Anne Animatrice' });
    await contributeur.signUp({ displayName: 'Claude Contributrice' });
    await observateur.signUp({ displayName: 'Odile Observe' });
    await outsider.signUp({ displayName: 'Olga Dehors' });
    await removed.signUp({ displayName: 'Rémi Parti' });
    await guest.signUp({ displayName: 'Gaston Invité' });
    spaceId = await buildSpace(animateur, { title: 'Pôle <Vallée>' });
    await addMember(animateur, spaceId, contributeur, 'contributeur');
    await addMember(animateur, spaceId, observateur, 'observateur');
    await addMember(animateur, spaceId, removed, 'contributeur');
    expect((await animateur.delete(`/api/spaces/${spaceId}/members/${removed.account!.id}`)).status).toBe(204);
  });
  afterAll(() => t.close());

  interface Row {
    kind: string;
    channel: string;
    link: string;
    params: Record<string, string>;
    session_id: string | null;
  }
  /** The account's notifications of one kind (since `since`), oldest first. */
  const rows = async (client: ApiClient, kind: string, since = new Date(0)): Promise<Row[]> =>
    t.dataSource.query(
      `SELECT kind, channel, link, params, session_id FROM notification WHERE account_id = $1 AND kind = $2 AND created_at >= $3 ORDER BY created_at`,
      [client.account!.id, kind, since],
    );
  const count = async (client: ApiClient, kind: string, since?: Date) => (await rows(client, kind, since)).length;
  /** Who, among these, received `kind` since `since`. */
  const receivers = async (kind: string, since: Date, clients: Record<string, ApiClient>) => {
    const got: string[] = [];
    for (const [name, client] of Object.entries(clients)) if ((await count(client, kind, since)) > 0) got.push(name);
    return got.sort();
  };
  const everyone = () => ({ animateur, contributeur, observateur, outsider, removed, guest });

  describe('spaces', () => {
    it('tells a new member they joined (who invited them is the actor), and a member their new role — not the animateur who changed it', async () => {
      const [joined] = await rows(contributeur, 'space_joined');
      expect(joined).toMatchObject({
        channel: 'in_app',
        link: `/espaces/${spaceId}`,
        params: { role: 'contributeur', actor: 'Anne Animatrice', space: 'Pôle <Vallée>' },
      });
      const since = new Date();
      expect((await animateur.patch(`/api/spaces/${spaceId}/members/${observateur.account!.id}`, { role: 'contributeur' })).status).toBe(200);
      expect((await animateur.patch(`/api/spaces/${spaceId}/members/${observateur.account!.id}`, { role: 'observateur' })).status).toBe(200);
      const changes = await rows(observateur, 'role_changed', since);
      expect(changes.map((r) => [r.params.previousRole, r.params.role])).toEqual([
        ['observateur', 'contributeur'],
        ['contributeur', 'observateur'],
      ]);
      expect(changes[0]).toMatchObject({ channel: 'mail', link: `/espaces/${spaceId}/membres` });
      expect(await receivers('role_changed', since, everyone())).toEqual(['observateur']);
    });
  });

  describe('comments', () => {
    const base = () => `/api/spaces/${spaceId}/diagnostic`;
    const anchor = { start: Buffer.from('start').toString('base64'), end: Buffer.from('end').toString('base64'), quote: 'le territoire' };

    it('mention → the mentioned; a comment on a section → who wrote it; a reply → the thread’s writers; never the author twice or at all', async () => {
      // The contributrice wrote the section's score and justification.
      expect((await contributeur.request('PUT', `${base()}/sections/grid-territory`, { version: 0, score: 2, justification: 'À préciser' })).status).toBe(200);
      const since = new Date();
      const thread = await animateur.post(`${base()}/comments`, {
        sectionId: 'grid-territory',
        anchor,
        body: 'Odile, peux-tu <b>vérifier</b> ce périmètre ?',
        mentions: [observateur.account!.id],
      });
      expect(thread.status).toBe(201);
      const [mention] = await rows(observateur, 'comment_mention', since);
      expect(mention).toMatchObject({
        channel: 'mail',
        link: `/espaces/${spaceId}/diagnostic#commentaire-${thread.body.id}`,
        params: { excerpt: 'Odile, peux-tu <b>vérifier</b> ce périmètre ?', actor: 'Anne Animatrice' },
      });
      const [onContent] = await rows(contributeur, 'comment_on_your_content', since);
      expect(onContent).toMatchObject({ channel: 'digest', link: `/espaces/${spaceId}/diagnostic#commentaire-${thread.body.id}` });
      expect(await receivers('comment_mention', since, everyone())).toEqual(['observateur']);
      expect(await receivers('comment_on_your_content', since, everyone())).toEqual(['contributeur']);

      // The contributrice replies: the thread's writer (the animatrice) hears of it; the mentioned observatrice did not write in it.
      const afterThread = new Date();
      const reply = await contributeur.post(`${base()}/comments`, { parentId: thread.body.id, body: 'Les 23 communes de la CAPG' });
      expect(reply.status).toBe(201);
      expect(await receivers('comment_reply', afterThread, everyone())).toEqual(['animateur']);
      expect((await rows(animateur, 'comment_reply', afterThread))[0].link).toBe(`/espaces/${spaceId}/diagnostic#commentaire-${reply.body.id}`);
      // Mentioned in a reply on a section she wrote: one notification, the mention.
      const afterReply = new Date();
      await animateur.post(`${base()}/comments`, { parentId: thread.body.id, body: 'Merci @Claude', mentions: [contributeur.account!.id] });
      expect(
        (await t.dataSource.query(`SELECT kind FROM notification WHERE account_id = $1 AND created_at >= $2`, [contributeur.account!.id, afterReply])).map(
          (r: { kind: string }) => r.kind,
        ),
      ).toEqual(['comment_mention']);
      expect(await count(animateur, 'comment_reply', afterReply)).toBe(0);
    });

    it('a comment on a testimony’s story → its author, with the testimony’s title and a link to the comment on its page', async () => {
      const testimony = await contributeur.post(`/api/spaces/${spaceId}/testimonies`, { title: 'La recyclerie de Grasse' });
      expect(testimony.status).toBe(201);
      const since = new Date();
      const comment = await observateur.post(`/api/spaces/${spaceId}/testimonies/${testimony.body.id}/comments`, {
        sectionId: 'story',
        anchor,
        body: 'Quelle année ?',
      });
      expect(comment.status).toBe(201);
      expect(await receivers('comment_on_your_content', since, everyone())).toEqual(['contributeur']);
      expect((await rows(contributeur, 'comment_on_your_content', since))[0]).toMatchObject({
        link: `/espaces/${spaceId}/guide/temoignages/${testimony.body.id}#commentaire-${comment.body.id}`,
        params: { title: 'La recyclerie de Grasse', excerpt: 'Quelle année ?', actor: 'Odile Observe' },
      });
    });

    it('refuses to mention someone outside the space, and a refused comment notifies nobody', async () => {
      const since = new Date();
      const refused = await animateur.post(`${base()}/comments`, {
        sectionId: 'grid-territory',
        anchor,
        body: 'Hors espace',
        mentions: [outsider.account!.id],
      });
      expect(refused.status).toBe(400);
      expect(await receivers('comment_mention', since, everyone())).toEqual([]);
      expect(await receivers('comment_on_your_content', since, everyone())).toEqual([]);
    });
  });

  describe('sessions', () => {
    const scheduledAt = () => new Date(Date.now() + 3 * 24 * 3600_000).toISOString();
    let sessionId: string;

    it('scheduled (created, then moved) → every member but the animatrice; a guest added → the guest', async () => {
      const since = new Date();
      const created = await animateur.post(`/api/spaces/${spaceId}/sessions`, {
        title: 'Séance de printemps',
        scheduledAt: scheduledAt(),
        agenda: [{ title: 'Tour de table', durationMinutes: 10 }],
      });
      expect(created.status).toBe(201);
      sessionId = created.body.id;
      expect(await receivers('session_scheduled', since, everyone())).toEqual(['contributeur', 'observateur']);
      const [scheduled] = await rows(contributeur, 'session_scheduled', since);
      expect(scheduled).toMatchObject({ channel: 'digest', link: `/seances/${sessionId}`, session_id: sessionId, params: { title: 'Séance de printemps' } });

      const afterCreate = new Date();
      expect((await animateur.post(`/api/sessions/${sessionId}/guests`, { email: guest.account!.email })).status).toBe(201);
      expect(await receivers('session_guest_added', afterCreate, everyone())).toEqual(['guest']);
      // Moving it tells everyone with a place, the guest too; saving the same date again tells nobody.
      const moved = scheduledAt();
      expect((await animateur.patch(`/api/sessions/${sessionId}`, { scheduledAt: moved })).status).toBe(200);
      expect(await receivers('session_scheduled', afterCreate, everyone())).toEqual(['contributeur', 'guest', 'observateur']);
      const afterMove = new Date();
      expect((await animateur.patch(`/api/sessions/${sessionId}`, { scheduledAt: moved, title: 'Séance de printemps (salle B)' })).status).toBe(200);
      expect(await receivers('session_scheduled', afterMove, everyone())).toEqual([]);
    });

    it('vote opened → those who may vote (contributeurs, guests), not observateurs; decision and closing → everyone with a place', async () => {
      expect((await animateur.post(`/api/sessions/${sessionId}/facilitation`, { action: 'start' })).status).toBe(200);
      const since = new Date();
      const vote = await animateur.post(`/api/sessions/${sessionId}/votes`, { kind: 'consent', title: 'Créer un groupement d’employeurs' });
      expect(vote.status).toBe(201);
      expect(await receivers('vote_opened', since, everyone())).toEqual(['contributeur', 'guest']);
      expect((await rows(guest, 'vote_opened', since))[0]).toMatchObject({
        channel: 'mail',
        link: `/seances/${sessionId}#vote-${vote.body.id}`,
        params: { vote: 'Créer un groupement d’employeurs' },
      });

      const decision = await animateur.post(`/api/sessions/${sessionId}/decisions`, { text: 'Lancer une étude de mobilité partagée' });
      expect(decision.status).toBe(201);
      expect(await receivers('decision_recorded', since, everyone())).toEqual(['contributeur', 'guest', 'observateur']);
      expect((await rows(observateur, 'decision_recorded', since))[0]).toMatchObject({
        link: `/seances/${sessionId}#decision-${decision.body.id}`,
        params: { excerpt: 'Lancer une étude de mobilité partagée' },
      });

      expect((await animateur.post(`/api/sessions/${sessionId}/close`)).status).toBe(200);
      expect(await receivers('session_closed', since, everyone())).toEqual(['contributeur', 'guest', 'observateur']);
      expect((await rows(guest, 'session_closed', since))[0].link).toBe(`/seances/${sessionId}/compte-rendu`);
    });
  });

  describe('guide', () => {
    it('a recommendation retained → every member but the animatrice who decided, once', async () => {
      const recommendations = `/api/spaces/${spaceId}/recommendations`;
      const id = (await contributeur.post(recommendations, { statement: 'Renforcer les aides à l’amorçage' })).body.id;
      const since = new Date();
      expect((await contributeur.post(`${recommendations}/${id}/status`, { status: 'debated', version: 1 })).status).toBe(200);
      expect(await receivers('recommendation_retained', since, everyone())).toEqual([]);
      expect((await animateur.post(`${recommendations}/${id}/status`, { status: 'retained', version: 2 })).status).toBe(200);
      expect(await receivers('recommendation_retained', since, everyone())).toEqual(['contributeur', 'observateur']);
      expect((await rows(observateur, 'recommendation_retained', since))[0]).toMatchObject({
        link: `/espaces/${spaceId}/guide/preconisations/${id}`,
        params: { title: 'Renforcer les aides à l’amorçage' },
      });
      // Set aside and retained again: the members already know.
      await animateur.post(`${recommendations}/${id}/status`, { status: 'set_aside', version: 3 });
      await animateur.post(`${recommendations}/${id}/status`, { status: 'retained', version: 4 });
      expect(await count(observateur, 'recommendation_retained', since)).toBe(1);
    });
  });

  describe('projects', () => {
    let carrier: string;
    let region: string;
    let projectPath: string;
    let projectId: string;

    beforeAll(async () => {
      const organisation = async (body: Record<string, unknown>) => (await animateur.post('/api/organisations', body)).body.id as string;
      carrier = await organisation({ kind: 'ess_network', name: 'CRESS (notifications)' });
      region = await organisation({ kind: 'collectivite', collectiviteLevel: 'region', name: 'Région (notifications)' });
      // The contributrice and the outsider work for the carrier; the observatrice for the Région.
      for (const [client, organisationId] of [
        [contributeur, carrier],
        [outsider, carrier],
        [removed, carrier],
        [observateur, region],
      ] as const) {
        expect((await client.patch('/api/auth/me', { organisationId })).status).toBe(200);
      }
      const project = await animateur.post(`/api/spaces/${spaceId}/projects`, {
        title: 'Recyclerie du Pays de Grasse',
        stage: 'seeding',
        partners: [{ organisationId: carrier, role: 'carrier' }],
      });
      expect(project.status).toBe(201);
      projectId = project.body.id;
      projectPath = `/api/spaces/${spaceId}/projects/${projectId}`;
    });

    it('a stage change → the accounts of its partner organisations that are members (not an outsider, not a removed member)', async () => {
      const since = new Date();
      expect((await animateur.patch(projectPath, { version: 1, title: 'Recyclerie du Pays de Grasse (2)' })).status).toBe(200);
      expect(await receivers('project_stage_changed', since, everyone())).toEqual([]);
      expect((await animateur.patch(projectPath, { version: 2, stage: 'development' })).status).toBe(200);
      expect(await receivers('project_stage_changed', since, everyone())).toEqual(['contributeur']);
      expect((await rows(contributeur, 'project_stage_changed', since))[0]).toMatchObject({
        link: `/espaces/${spaceId}/projets/${projectId}`,
        params: { stage: 'development', previousStage: 'seeding', title: 'Recyclerie du Pays de Grasse (2)' },
      });
    });

    it('a funding line added, changed, removed → its funder’s and the partners’ member accounts, each time', async () => {
      const since = new Date();
      const line = await animateur.post(`${projectPath}/funding-lines`, {
        funderId: region,
        funderLevel: 'region',
        year: 2026,
        amountCents: 3_000_000,
        kind: 'operating',
        status: 'requested',
      });
      expect(line.status).toBe(201);
      expect(await receivers('funding_changed', since, everyone())).toEqual(['contributeur', 'observateur']);
      expect((await rows(observateur, 'funding_changed', since))[0]).toMatchObject({
        link: `/espaces/${spaceId}/projets/${projectId}#financement-${line.body.id}`,
        params: { change: 'added', funder: 'Région (notifications)', amountCents: '3000000', year: '2026' },
      });
      expect((await animateur.patch(`${projectPath}/funding-lines/${line.body.id}`, { version: 1, status: 'secured' })).status).toBe(200);
      expect((await animateur.delete(`${projectPath}/funding-lines/${line.body.id}`)).status).toBe(204);
      expect((await rows(observateur, 'funding_changed', since)).map((r) => r.params.change)).toEqual(['added', 'updated', 'removed']);
      expect(await count(outsider, 'funding_changed')).toBe(0);
      expect(await count(removed, 'funding_changed')).toBe(0);
    });
  });
});
