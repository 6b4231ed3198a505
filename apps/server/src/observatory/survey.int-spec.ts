import { ApiClient, addMember, buildSpace } from '../../testing/api-client.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { SurveyReminders } from './survey-reminders.js';

/**
 * The yearly survey on real PostgreSQL through the HTTP API: a Région following two poles opens the 2014 campaign,
 * the poles' animateurs are asked, answer (draft, submit, submit again), and the pole's facts, the cellule's funding
 * lines and the relations change with the answer, in one transaction, without duplicates, with the rollups exact.
 */
describe('yearly survey (enquête)', () => {
  let t: TestApp;
  let region: ApiClient;
  let animA: ApiClient;
  let animB: ApiClient;
  let animC: ApiClient;
  let spaceA: string;
  let spaceB: string;
  let spaceC: string;
  let campaignId: string;
  const orgs: Record<string, string> = {};

  const facts = {
    foundedYear: 2009,
    cellBudgetCents: 18_000_000,
    cellSelfFinancedPercent: 22.5,
    cellFte: 1.75,
    memberStructureCount: 31,
    employeeCount: 240,
    consolidatedBudgetCents: 950_000_000,
  };
  const answers = () => ({
    facts,
    funding: [
      { funderId: orgs.region, amountCents: 1_000_000, status: 'paid' },
      { funderId: orgs.commune, amountCents: 500_000 },
    ],
    relations: [
      { organisationId: orgs.region, evolution: 'widening' },
      { organisationId: orgs.commune, evolution: 'weakening', cause: 'Élections municipales' },
    ],
  });
  const poleOf = async (spaceId: string) =>
    ((await t.dataSource.query(`SELECT pole_id FROM space WHERE id = $1`, [spaceId])) as { pole_id: string }[])[0].pole_id;
  const surveyLines = async (spaceId: string) =>
    (await t.dataSource.query(
      `SELECT f.funder_level, f.amount_cents::int AS amount, f.year, f.status FROM funding_line f JOIN survey_funding_line sf ON sf.funding_line_id = f.id
         JOIN project p ON p.id = f.project_id JOIN space s ON s.id = p.space_id WHERE s.pole_id = $1 ORDER BY f.funder_level`,
      [await poleOf(spaceId)],
    )) as { funder_level: string; amount: number; year: number; status: string }[];
  const relations = async (spaceId: string, year: number) =>
    (await t.dataSource.query(`SELECT organisation_id, evolution, cause FROM collectivite_relation WHERE pole_id = $1 AND year = $2 ORDER BY evolution`, [
      await poleOf(spaceId),
      year,
    ])) as { organisation_id: string; evolution: string; cause: string }[];
  const notifications = async (client: ApiClient) =>
    (await t.dataSource.query(`SELECT link, params FROM notification WHERE account_id = $1 AND kind = 'survey_requested' ORDER BY created_at`, [
      client.account!.id,
    ])) as { link: string; params: Record<string, string> }[];
  const rollupsExact = async () => {
    const [diff]: { n: number }[] = await t.dataSource.query(`
      WITH raw AS (SELECT f.project_id, f.funder_id, f.funder_level, f.year, f.status, p.space_id, sum(f.amount_cents)::bigint AS amount, count(*)::int AS n
                     FROM funding_line f JOIN project p ON p.id = f.project_id GROUP BY 1, 2, 3, 4, 5, 6),
           rolled AS (SELECT project_id, funder_id, funder_level, year, status, space_id, amount_cents AS amount, line_count AS n FROM observatory_funding_rollup)
      SELECT (SELECT count(*) FROM (SELECT * FROM raw EXCEPT SELECT * FROM rolled) a)::int + (SELECT count(*) FROM (SELECT * FROM rolled EXCEPT SELECT * FROM raw) b)::int AS n`);
    return diff.n;
  };
  const regionTotal = async () => (await region.get('/api/observatory/funding?from=2014&to=2014&level=region')).body.total.totalCents as number;

  beforeAll(async () => {
    t = await startTestApp();
    [region, animA, animB, animC] = [new ApiClient(t.url), new ApiClient(t.url), new ApiClient(t.url), new ApiClient(t.url)];
    await region.signUp({ displayName: 'Chargée de mission Région' });
    await animA.signUp({ displayName: 'Animatrice A' });
    await animB.signUp({ displayName: 'Animateur B' });
    await animC.signUp({ displayName: 'Animateur C' });
    spaceA = await buildSpace(animA, { poleName: 'Pôle Audruicq' });
    spaceB = await buildSpace(animB, { poleName: 'Pôle Castres' });
    spaceC = await buildSpace(animC, { poleName: 'Pôle non suivi' });
    await addMember(animA, spaceA, region, 'observateur');
    await addMember(animB, spaceB, region, 'observateur');
    for (const [key, body] of Object.entries({
      region: { kind: 'collectivite', collectiviteLevel: 'region', name: 'Région Hauts-de-France (enquête)' },
      commune: { kind: 'collectivite', collectiviteLevel: 'commune', name: 'Commune d’Audruicq (enquête)' },
      epci: { kind: 'collectivite', collectiviteLevel: 'epci', name: 'Communauté de communes (enquête)' },
      network: { kind: 'ess_network', name: 'Réseau ESS (enquête)' },
    })) {
      const created = await animA.post('/api/organisations', body);
      expect(created.status).toBe(201);
      orgs[key] = created.body.id;
    }
    // What pole A's projects already hold in 2014: an EPCI partner and a Région line.
    const project = await animA.post(`/api/spaces/${spaceA}/projects`, {
      title: 'Légumerie',
      partners: [{ organisationId: orgs.epci, role: 'partner' }],
    });
    expect(project.status).toBe(201);
    const line = { funderId: orgs.region, funderLevel: 'region', year: 2014, amountCents: 2_000_000, kind: 'investment', status: 'secured' };
    expect((await animA.post(`/api/spaces/${spaceA}/projects/${project.body.id}/funding-lines`, line)).status).toBe(201);
    expect((await animA.patch(`/api/spaces/${spaceA}/pole`, { employeeCount: 200, cellFte: 1.5 })).status).toBe(200);
  }, 120_000);
  afterAll(() => t.close());

  it('opens a campaign over the poles the user follows, once per year, and asks their animateurs', async () => {
    expect((await region.post('/api/observatory/surveys', { year: 1800, title: 'Enquête' })).status).toBe(400);
    expect((await region.post('/api/observatory/surveys', { year: 2014, title: 'Enquête', spaceIds: [spaceC] })).status).toBe(404);
    const opened = await region.post('/api/observatory/surveys', { year: 2014, title: 'Enquête PTCE 2014', dueOn: '2014-06-30' });
    expect(opened.status).toBe(201);
    campaignId = opened.body.id;
    expect(opened.body).toMatchObject({ year: 2014, poles: 2, respondents: 0, drafts: 0, previous: null });
    expect(opened.body.poleList.map((p: { name: string; status: string }) => [p.name, p.status])).toEqual([
      ['Pôle Audruicq', 'pending'],
      ['Pôle Castres', 'pending'],
    ]);
    const again = await region.post('/api/observatory/surveys', { year: 2014, title: 'Encore' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('survey_exists');

    expect(await notifications(animA)).toEqual([
      {
        link: `/espaces/${spaceA}/enquete/${campaignId}`,
        params: expect.objectContaining({ year: '2014', title: 'Enquête PTCE 2014', dueDate: '2014-06-30' }),
      },
    ]);
    expect(await notifications(animB)).toHaveLength(1);
    expect(await notifications(animC)).toHaveLength(0);
    // The campaign is its opener's.
    expect((await animA.get(`/api/observatory/surveys/${campaignId}`)).status).toBe(404);
    expect((await animA.get(`/api/observatory/surveys`)).body).toEqual([]);
    expect((await region.get(`/api/observatory/surveys/not-a-uuid`)).status).toBe(400);
  });

  it('gives the pole a form prefilled with its profile and what its projects hold', async () => {
    const list = await animA.get(`/api/spaces/${spaceA}/surveys`);
    expect(list.body).toEqual([expect.objectContaining({ campaignId, year: 2014, status: 'pending' })]);
    const form = await animA.get(`/api/spaces/${spaceA}/surveys/${campaignId}`);
    expect(form.status).toBe(200);
    expect(form.body).toMatchObject({ status: 'pending', prefilledFrom: 'pole', canAnswer: true, pole: { name: 'Pôle Audruicq' } });
    expect(form.body.answers.facts).toMatchObject({ employeeCount: 200, cellFte: 1.5, foundedYear: null });
    expect(form.body.answers.relations).toEqual(
      expect.arrayContaining([
        { organisationId: orgs.epci, evolution: 'stable', cause: '' },
        { organisationId: orgs.region, evolution: 'stable', cause: '' },
      ]),
    );
    expect(form.body.projectFunding).toEqual([{ level: 'region', amountCents: 2_000_000, projects: 1 }]);
    // Not the campaign of a pole it does not ask; a member who may not change the profile reads but does not answer.
    expect((await animC.get(`/api/spaces/${spaceC}/surveys/${campaignId}`)).status).toBe(404);
    expect((await region.get(`/api/spaces/${spaceA}/surveys/${campaignId}`)).body.canAnswer).toBe(false);
    const refused = await region.request('PUT', `/api/spaces/${spaceA}/surveys/${campaignId}/draft`, answers());
    expect(refused.status).toBe(403);
  });

  it('saves a draft, which is not an answer yet', async () => {
    const draft = await animA.request('PUT', `/api/spaces/${spaceA}/surveys/${campaignId}/draft`, { ...answers(), funding: [] });
    expect(draft.status).toBe(200);
    expect(draft.body).toMatchObject({ status: 'draft', prefilledFrom: 'response' });
    expect((await animA.get(`/api/spaces/${spaceA}/surveys/${campaignId}`)).body.answers.relations).toHaveLength(2);
    expect((await region.get(`/api/observatory/surveys/${campaignId}`)).body).toMatchObject({ respondents: 0, drafts: 1 });
    expect(await surveyLines(spaceA)).toEqual([]);
  });

  it('refuses a bad answer with a 400 that changes nothing', async () => {
    const weakeningWithoutCause = { ...answers(), relations: [{ organisationId: orgs.commune, evolution: 'weakening' }] };
    const bad = await animA.post(`/api/spaces/${spaceA}/surveys/${campaignId}/submit`, weakeningWithoutCause);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.issues)).toContain('relations.0.cause');
    const unknownFunder = await animA.post(`/api/spaces/${spaceA}/surveys/${campaignId}/submit`, {
      ...answers(),
      funding: [{ funderId: '00000000-0000-4000-8000-000000000000', amountCents: 100 }],
    });
    expect(unknownFunder.status).toBe(400);
    expect(unknownFunder.body.code).toBe('organisation_not_found');
    const notCollectivite = await animA.post(`/api/spaces/${spaceA}/surveys/${campaignId}/submit`, {
      ...answers(),
      relations: [{ organisationId: orgs.network, evolution: 'stable' }],
    });
    expect(notCollectivite.status).toBe(400);
    expect(JSON.stringify(notCollectivite.body.issues)).toContain('relations.0.organisationId');
    const twice = await animA.post(`/api/spaces/${spaceA}/surveys/${campaignId}/submit`, {
      ...answers(),
      funding: [...answers().funding, answers().funding[0]],
    });
    expect(twice.status).toBe(400);
    // Nothing changed: the draft is still a draft, the pole's facts and funding as they were.
    expect((await animA.get(`/api/spaces/${spaceA}/surveys/${campaignId}`)).body.status).toBe('draft');
    expect((await animA.get(`/api/spaces/${spaceA}`)).body.pole).toMatchObject({ employeeCount: 200 });
    expect(await surveyLines(spaceA)).toEqual([]);
  });

  it('submits: the pole’s facts, its funding for the year and its relations change with the answer, and the rate moves', async () => {
    const before = await regionTotal();
    const submitted = await animA.post(`/api/spaces/${spaceA}/surveys/${campaignId}/submit`, answers());
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('submitted');
    expect((await animA.get(`/api/spaces/${spaceA}`)).body.pole).toMatchObject(facts);
    expect(await surveyLines(spaceA)).toEqual([
      { funder_level: 'commune', amount: 500_000, year: 2014, status: 'secured' },
      { funder_level: 'region', amount: 1_000_000, year: 2014, status: 'paid' },
    ]);
    expect(await relations(spaceA, 2014)).toEqual([
      { organisation_id: orgs.commune, evolution: 'weakening', cause: 'Élections municipales' },
      { organisation_id: orgs.region, evolution: 'widening', cause: '' },
    ]);
    expect(await regionTotal()).toBe(before + 1_000_000);
    const panorama = (await region.get('/api/observatory/panorama')).body;
    expect(panorama.cellProfile.fte.median).toBe(1.75);
    const campaign = (await region.get(`/api/observatory/surveys/${campaignId}`)).body;
    expect(campaign).toMatchObject({ poles: 2, respondents: 1, drafts: 0 });
    expect(campaign.poleList.find((p: { name: string }) => p.name === 'Pôle Audruicq')).toMatchObject({ status: 'submitted', spaceId: spaceA });
    expect(await rollupsExact()).toBe(0);
  });

  it('submits again without duplicating anything, and replaces what the earlier answer wrote', async () => {
    const before = await regionTotal();
    expect((await animA.post(`/api/spaces/${spaceA}/surveys/${campaignId}/submit`, answers())).status).toBe(200);
    expect(await surveyLines(spaceA)).toHaveLength(2);
    expect(await regionTotal()).toBe(before);
    const changed = { ...answers(), funding: [{ funderId: orgs.region, amountCents: 1_200_000, status: 'paid' }], relations: [answers().relations[0]] };
    expect((await animA.post(`/api/spaces/${spaceA}/surveys/${campaignId}/submit`, changed)).status).toBe(200);
    expect(await surveyLines(spaceA)).toEqual([{ funder_level: 'region', amount: 1_200_000, year: 2014, status: 'paid' }]);
    expect(await relations(spaceA, 2014)).toEqual([{ organisation_id: orgs.region, evolution: 'widening', cause: '' }]);
    expect(await regionTotal()).toBe(before + 200_000);
    // Two submissions at once run one after the other (the pole's place in the campaign is locked): still one line.
    const both = await Promise.all([1, 2].map(() => animA.post(`/api/spaces/${spaceA}/surveys/${campaignId}/submit`, changed)));
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    expect(await surveyLines(spaceA)).toHaveLength(1);
    expect(await regionTotal()).toBe(before + 200_000);
    expect((await region.get(`/api/observatory/surveys/${campaignId}`)).body.respondents).toBe(1);
    expect(await rollupsExact()).toBe(0);
    const draft = await animA.request('PUT', `/api/spaces/${spaceA}/surveys/${campaignId}/draft`, answers());
    expect(draft.status).toBe(409);
    expect(draft.body.code).toBe('survey_submitted');
  });

  it('reminds only the poles that have not answered, and only on the opener’s request', async () => {
    expect((await animA.post(`/api/observatory/surveys/${campaignId}/reminders`)).status).toBe(404);
    const reminded = await region.post(`/api/observatory/surveys/${campaignId}/reminders`);
    expect(reminded.status).toBe(200);
    expect(reminded.body).toEqual({ poles: 1, notified: 1 });
    expect(await notifications(animB)).toHaveLength(2);
    expect(await notifications(animA)).toHaveLength(1);
    const campaign = (await region.get(`/api/observatory/surveys/${campaignId}`)).body;
    expect(campaign.poleList.find((p: { name: string }) => p.name === 'Pôle Castres').lastRemindedAt).not.toBeNull();
  });

  it('compares with the year before and prefills next year’s form from this year’s answer', async () => {
    const next = await region.post('/api/observatory/surveys', { year: 2015, title: 'Enquête PTCE 2015' });
    expect(next.status).toBe(201);
    expect(next.body.previous).toEqual({ id: campaignId, year: 2014, poles: 2, respondents: 1 });
    const list = (await region.get('/api/observatory/surveys')).body;
    expect(list.map((c: { year: number; respondents: number }) => [c.year, c.respondents])).toEqual([
      [2015, 0],
      [2014, 1],
    ]);
    const form = (await animA.get(`/api/spaces/${spaceA}/surveys/${next.body.id}`)).body;
    expect(form.prefilledFrom).toBe('previous_year');
    expect(form.answers.funding).toEqual([{ funderId: orgs.region, amountCents: 1_200_000, status: 'paid' }]);
    expect(form.answers.facts).toMatchObject(facts);
    expect(form.answers.relations).toEqual(expect.arrayContaining([{ organisationId: orgs.region, evolution: 'stable', cause: '' }]));
  });

  it('reminds the poles without an answer once when the due day comes near, whatever the ticks', async () => {
    const opened = await region.post('/api/observatory/surveys', { year: 2016, title: 'Enquête PTCE 2016', dueOn: '2016-06-30' });
    expect(opened.status).toBe(201);
    const form = (await animA.get(`/api/spaces/${spaceA}/surveys/${opened.body.id}`)).body;
    expect((await animA.post(`/api/spaces/${spaceA}/surveys/${opened.body.id}/submit`, form.answers)).status).toBe(200);
    const reminders = t.app.get(SurveyReminders);
    const [a, b] = [(await notifications(animA)).length, (await notifications(animB)).length];
    expect(await reminders.tick(new Date('2016-06-10T10:00:00Z'))).toBe(true);
    expect((await notifications(animB)).length).toBe(b);
    await reminders.tick(new Date('2016-06-25T10:00:00Z'));
    await reminders.tick(new Date('2016-06-26T10:00:00Z'));
    const reminded = await notifications(animB);
    expect(reminded).toHaveLength(b + 1);
    expect(reminded.at(-1)).toEqual({
      link: `/espaces/${spaceB}/enquete/${opened.body.id}`,
      params: expect.objectContaining({ year: '2016', dueDate: '2016-06-30' }),
    });
    expect(await notifications(animA)).toHaveLength(a);
  });
});
