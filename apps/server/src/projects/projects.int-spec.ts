import { ApiClient, addMember, buildSpace } from '../../testing/api-client.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';

describe('shared projects, milestones, indicators and funding lines (real PostgreSQL)', () => {
  let t: TestApp;
  let animateur: ApiClient;
  let contributeur: ApiClient;
  let observateur: ApiClient;
  let outsider: ApiClient;
  let spaceId: string;
  let otherSpaceId: string;
  let region: string;
  let commune: string;
  let network: string;

  const organisation = async (body: Record<string, unknown>) => {
    const response = await animateur.post('/api/organisations', body);
    if (response.status !== 201) throw new Error(JSON.stringify(response.body));
    return response.body.id as string;
  };
  const projectsPath = () => `/api/spaces/${spaceId}/projects`;

  beforeAll(async () => {
    t = await startTestApp();
    [animateur, contributeur, observateur, outsider] = [0, 1, 2, 3].map(() => new ApiClient(t.url));
    await Promise.all([animateur, contributeur, observateur, outsider].map((c) => c.signUp()));
    spaceId = await buildSpace(animateur, { title: 'Concertation TETRIS', poleName: 'TETRIS' });
    otherSpaceId = await buildSpace(outsider, { title: 'Autre espace', poleName: 'Autre pôle' });
    await addMember(animateur, spaceId, contributeur, 'contributeur');
    await addMember(animateur, spaceId, observateur, 'observateur');
    region = await organisation({ kind: 'collectivite', collectiviteLevel: 'region', name: 'Région Sud (test projets)' });
    commune = await organisation({ kind: 'collectivite', collectiviteLevel: 'commune', name: 'Ville de Grasse (test projets)' });
    network = await organisation({ kind: 'ess_network', name: 'CRESS PACA (test projets)' });
  });
  afterAll(() => t.close());

  it('creates a project with its levers, frames and partners, and lists it on the board', async () => {
    const created = await contributeur.post(projectsPath(), {
      title: '  Recyclerie   du Pays de Grasse ',
      summary: 'Réemploi et insertion',
      stage: 'seeding',
      levers: ['urban_projects', 'employment_coordination', 'urban_projects'],
      policyFrames: ['feder'],
      partners: [
        { organisationId: network, role: 'carrier' },
        { organisationId: commune, role: 'partner' },
      ],
      startDate: '2026-01-01',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      title: 'Recyclerie du Pays de Grasse',
      stage: 'seeding',
      status: 'under_study',
      levers: ['urban_projects', 'employment_coordination'],
      startDate: '2026-01-01',
      endDate: null,
      version: 1,
      progress: null,
      milestones: [],
    });
    expect(created.body.partners.map((p: { role: string }) => p.role).sort()).toEqual(['carrier', 'partner']);
    const board = await observateur.get(projectsPath());
    expect(board.status).toBe(200);
    expect(board.body.map((p: { id: string }) => p.id)).toEqual([created.body.id]);
    expect((await observateur.get(`${projectsPath()}?lever=urban_projects`)).body).toHaveLength(1);
    expect((await observateur.get(`${projectsPath()}?lever=pedagogy`)).body).toHaveLength(0);
    expect((await observateur.get(`${projectsPath()}?partnerId=${commune}`)).body).toHaveLength(1);
    expect((await observateur.get(`${projectsPath()}?partnerId=${region}`)).body).toHaveLength(0);
    expect((await observateur.get(`${projectsPath()}?lever=nope`)).status).toBe(400);
  });

  it('refuses invalid projects and unknown partners, writing nothing', async () => {
    const before = (await animateur.get(projectsPath())).body.length;
    const badDates = await contributeur.post(projectsPath(), { title: 'Dates', startDate: '2026-05-01', endDate: '2026-01-01' });
    expect(badDates.status).toBe(400);
    expect(badDates.body.issues[0].path).toBe('endDate');
    const badPartner = await contributeur.post(projectsPath(), {
      title: 'Partenaire inconnu',
      partners: [{ organisationId: '00000000-0000-4000-8000-000000000000', role: 'partner' }],
    });
    expect(badPartner.status).toBe(400);
    expect(badPartner.body.code).toBe('organisation_not_found');
    expect((await contributeur.post(projectsPath(), { title: 'X', stage: 'unknown' })).status).toBe(400);
    expect((await animateur.get(projectsPath())).body).toHaveLength(before);
  });

  it('applies roles: observateurs read only, outsiders see nothing, only animateurs delete', async () => {
    const project = (await contributeur.post(projectsPath(), { title: 'Projet à supprimer' })).body;
    expect((await observateur.post(projectsPath(), { title: 'Interdit' })).status).toBe(403);
    expect((await observateur.patch(`${projectsPath()}/${project.id}`, { version: 1, stage: 'development' })).status).toBe(403);
    expect((await outsider.get(projectsPath())).status).toBe(404);
    expect((await outsider.get(`${projectsPath()}/${project.id}`)).status).toBe(404);
    // A project is only reachable through its own space.
    expect((await outsider.get(`/api/spaces/${otherSpaceId}/projects/${project.id}`)).status).toBe(404);
    expect((await contributeur.delete(`${projectsPath()}/${project.id}`)).status).toBe(403);
    expect((await animateur.delete(`${projectsPath()}/${project.id}`)).status).toBe(204);
    expect((await animateur.get(`${projectsPath()}/${project.id}`)).status).toBe(404);
  });

  it('detects concurrent edits: the second save from a stale version is a 409 and overwrites nothing', async () => {
    const project = (await contributeur.post(projectsPath(), { title: 'Épicerie solidaire' })).body;
    const path = `${projectsPath()}/${project.id}`;
    const first = await contributeur.patch(path, { version: project.version, stage: 'development' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ stage: 'development', version: 2 });
    const stale = await animateur.patch(path, { version: project.version, stage: 'sustainability', title: 'Autre titre' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('version_conflict');
    expect(stale.body.message).toMatch(/modifié entre-temps/);
    const reread = (await observateur.get(path)).body;
    expect(reread).toMatchObject({ stage: 'development', title: 'Épicerie solidaire', version: 2 });
    // Saving nothing new does not bump the version.
    expect((await contributeur.patch(path, { version: 2, stage: 'development' })).body.version).toBe(2);
    expect((await contributeur.patch(path, { version: 2 })).status).toBe(400);
  });

  it('keeps only one of two racing saves from the same version', async () => {
    const project = (await contributeur.post(projectsPath(), { title: 'Course' })).body;
    const path = `${projectsPath()}/${project.id}`;
    const results = await Promise.all([
      contributeur.patch(path, { version: 1, status: 'ongoing' }),
      animateur.patch(path, { version: 1, status: 'suspended' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.status === 200)!.body.status;
    expect((await observateur.get(path)).body).toMatchObject({ status: winner, version: 2 });
  });

  it('rolls progress up from milestones', async () => {
    const project = (await contributeur.post(projectsPath(), { title: 'Tiers-lieu' })).body;
    const base = `${projectsPath()}/${project.id}`;
    const milestones = [];
    for (const title of ['Étude de faisabilité', 'Bail signé', 'Ouverture', 'Premier bilan']) {
      const m = await contributeur.post(`${base}/milestones`, { title, dueDate: '2026-06-30' });
      expect(m.status).toBe(201);
      milestones.push(m.body);
    }
    expect(milestones.map((m) => m.position)).toEqual([0, 1, 2, 3]);
    await contributeur.patch(`${base}/milestones/${milestones[0].id}`, { done: true });
    const ticked = await contributeur.patch(`${base}/milestones/${milestones[1].id}`, { done: true, dueDate: null });
    expect(ticked.body).toMatchObject({ done: true, dueDate: null });
    let detail = (await observateur.get(base)).body;
    expect(detail).toMatchObject({ milestoneCount: 4, milestonesDone: 2, progress: 0.5 });
    expect((await contributeur.delete(`${base}/milestones/${milestones[3].id}`)).status).toBe(204);
    detail = (await observateur.get(base)).body;
    expect(detail.progress).toBeCloseTo(2 / 3);
    expect((await observateur.patch(`${base}/milestones/${milestones[2].id}`, { done: true })).status).toBe(403);
    expect((await contributeur.patch(`${base}/milestones/00000000-0000-4000-8000-000000000000`, { done: true })).status).toBe(404);
  });

  it('records indicators over time, custom ones with their label and unit', async () => {
    const project = (await contributeur.post(projectsPath(), { title: 'Conserverie' })).body;
    const base = `${projectsPath()}/${project.id}`;
    expect((await contributeur.post(`${base}/indicators`, { kind: 'jobs_created', measuredOn: '2025-12-31', value: 3 })).status).toBe(201);
    expect((await contributeur.post(`${base}/indicators`, { kind: 'fte', measuredOn: '2026-06-30', value: 2.5 })).status).toBe(201);
    expect(
      (await contributeur.post(`${base}/indicators`, { kind: 'custom', label: 'Tonnes collectées', unit: 't', measuredOn: '2026-06-30', value: 12.75 })).status,
    ).toBe(201);
    expect((await contributeur.post(`${base}/indicators`, { kind: 'custom', measuredOn: '2026-06-30', value: 1 })).status).toBe(400);
    expect((await contributeur.post(`${base}/indicators`, { kind: 'jobs_created', measuredOn: '2026-06-30', value: -1 })).status).toBe(400);
    const detail = (await observateur.get(base)).body;
    expect(detail.indicators.map((i: { kind: string; value: number }) => [i.kind, i.value])).toEqual([
      ['jobs_created', 3],
      ['fte', 2.5],
      ['custom', 12.75],
    ]);
    expect(detail.indicators[2]).toMatchObject({ label: 'Tonnes collectées', unit: 't' });
  });

  it('validates funding lines: positive cents, plausible year, level consistent with the funder', async () => {
    const project = (await contributeur.post(projectsPath(), { title: 'Ressourcerie' })).body;
    const base = `${projectsPath()}/${project.id}/funding-lines`;
    const line = {
      funderId: region,
      funderLevel: 'region',
      year: 2025,
      amountCents: 3_000_000,
      kind: 'operating',
      instrument: 'Fonds régional ESS',
      status: 'secured',
    };
    const created = await contributeur.post(base, line);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ funder: { id: region }, amountCents: 3_000_000, version: 1 });
    for (const bad of [
      { ...line, amountCents: 0 },
      { ...line, amountCents: -100 },
      { ...line, amountCents: 12.5 },
      { ...line, year: 1850 },
      { ...line, year: new Date().getUTCFullYear() + 50 },
      { ...line, kind: 'gift' },
    ]) {
      expect((await contributeur.post(base, bad)).status).toBe(400);
    }
    const mismatch = await contributeur.post(base, { ...line, funderLevel: 'europe' });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.code).toBe('funder_level_mismatch');
    expect((await contributeur.post(base, { ...line, funderId: network, funderLevel: 'region' })).body.code).toBe('funder_level_mismatch');
    expect((await contributeur.post(base, { ...line, funderId: network, funderLevel: 'other' })).status).toBe(201);
    expect((await observateur.post(base, line)).status).toBe(403);

    const detail = (await observateur.get(`${projectsPath()}/${project.id}`)).body;
    expect(detail.fundingLines).toHaveLength(2);
    expect(detail.funding).toEqual({ requestedCents: 0, securedCents: 6_000_000, paidCents: 0 });

    const paid = await contributeur.patch(`${base}/${created.body.id}`, { version: 1, status: 'paid' });
    expect(paid.status).toBe(200);
    expect((await animateur.patch(`${base}/${created.body.id}`, { version: 1, amountCents: 1 })).status).toBe(409);
    expect((await contributeur.patch(`${base}/${created.body.id}`, { version: 2, funderLevel: 'commune' })).body.code).toBe('funder_level_mismatch');
    expect((await contributeur.delete(`${base}/${created.body.id}`)).status).toBe(204);
    expect((await observateur.get(`${projectsPath()}?funderId=${network}`)).body.map((p: { id: string }) => p.id)).toEqual([project.id]);
  });

  it('keeps a timeline of who changed what', async () => {
    const project = (await contributeur.post(projectsPath(), { title: 'Atelier vélo' })).body;
    const base = `${projectsPath()}/${project.id}`;
    await animateur.patch(base, { version: 1, stage: 'development', levers: ['pedagogy'] });
    await contributeur.post(`${base}/milestones`, { title: 'Local trouvé' });
    await contributeur.post(`${base}/funding-lines`, {
      funderId: commune,
      funderLevel: 'commune',
      year: 2026,
      amountCents: 500_000,
      kind: 'investment',
      status: 'requested',
    });
    const changes = await observateur.get(`${base}/changes`);
    expect(changes.status).toBe(200);
    expect(changes.body.map((c: { action: string }) => c.action)).toEqual(['funding_added', 'milestone_added', 'updated', 'created']);
    const update = changes.body[2];
    expect(update.author.id).toBe(animateur.account!.id);
    expect(update.details).toEqual({ stage: ['emergence', 'development'], levers: [[], ['pedagogy']] });
    expect(changes.body[0].details).toMatchObject({ funder: 'Ville de Grasse (test projets)', amountCents: 500_000 });
  });
});
