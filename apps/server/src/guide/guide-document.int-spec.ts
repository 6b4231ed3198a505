import * as Y from 'yjs';
import { CollabEvent, LIVE_REFERENCE, SyncStep, guideDocument, readSections, sectionContentKey, syncFrame } from '@concerto/collab';
import type { GuideBlock, GuideView, ResolvedReference } from '@concerto/domain';
import { ApiClient, addMember, buildSpace } from '../../testing/api-client.js';
import { eventually, openDocument, type OpenedDocument } from '../../testing/collab-clients.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';

/** Every reference of a view, in reading order. */
const referencesOf = (view: GuideView): ResolvedReference[] => {
  const out: ResolvedReference[] = [];
  const walk = (blocks: GuideBlock[]) => {
    for (const b of blocks) {
      if (b.type === 'reference') out.push(b.reference);
      else if (b.type === 'list') b.items.forEach(walk);
      else if (b.type === 'quote') walk(b.blocks);
    }
  };
  for (const s of view.sections) walk(s.blocks);
  return out;
};
const sectionOf = (view: GuideView, kind: string) => view.sections.find((s) => s.kind === kind)!;
const refsIn = (view: GuideView, kind: string) => referencesOf({ ...view, sections: [sectionOf(view, kind)] });

/** The update a client's local edit makes. */
function updateOf(doc: Y.Doc, edit: (d: Y.Doc) => void): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  let update: Uint8Array | undefined;
  copy.on('update', (u: Uint8Array) => (update = u));
  copy.transact(() => edit(copy));
  return update!;
}

describe('guide d’appui: the co-edited guide, live references, versions, publication (real PostgreSQL, real Yjs)', () => {
  let t: TestApp;
  let animateur: ApiClient;
  let contributeur: ApiClient;
  let observateur: ApiClient;
  let outsider: ApiClient;
  let spaceId: string;
  let otherSpaceId: string;
  let collectiviteId: string;
  let projectId: string;
  const opened: OpenedDocument[] = [];
  const guide = () => `/api/spaces/${spaceId}/guide`;

  beforeAll(async () => {
    t = await startTestApp();
    [animateur, contributeur, observateur, outsider] = [0, 1, 2, 3].map(() => new ApiClient(t.url));
    for (const c of [animateur, contributeur, observateur, outsider]) await c.signUp();
    spaceId = await buildSpace(animateur, { title: 'Pays de Grasse', poleName: 'TETRIS' });
    otherSpaceId = await buildSpace(animateur, { poleName: 'Autre pôle' });
    await addMember(animateur, spaceId, contributeur, 'contributeur');
    await addMember(animateur, spaceId, observateur, 'observateur');
    await animateur.patch(`/api/spaces/${spaceId}/pole`, { territory: 'Pays de Grasse', perimeter: 'intercommunality', employeeCount: 45 });
    collectiviteId = (await animateur.post('/api/organisations', { kind: 'collectivite', collectiviteLevel: 'epci', name: 'Pays de Grasse' })).body.id;
    projectId = (await animateur.post(`/api/spaces/${spaceId}/projects`, { title: 'Recyclerie' })).body.id;
  });
  afterAll(async () => {
    for (const o of opened) o.close();
    await t.close();
  });

  const fundingLine = async (amountCents: number, year = 2024) => {
    const response = await animateur.post(`/api/spaces/${spaceId}/projects/${projectId}/funding-lines`, {
      funderId: collectiviteId,
      funderLevel: 'epci',
      year,
      amountCents,
      kind: 'operating',
      status: 'secured',
    });
    expect(response.status).toBe(201);
    return response.body as { id: string; version: number };
  };
  const fundingTotal = (view: GuideView) => {
    const table = refsIn(view, 'figures').find((r) => r.kind === 'funding_table');
    return table?.kind === 'funding_table' ? table.table.total.totalCents : undefined;
  };

  it('starts every guide with the study’s skeleton, the same through the API and the socket', async () => {
    const live = await observateur.get(guide());
    expect(live.status).toBe(200);
    const view = live.body as GuideView;
    expect(view.title).toBe('Guide d’appui — Pays de Grasse');
    expect(view.frozenAt).toBeNull();
    expect(view.sections.map((s) => s.title)).toEqual([
      'Introduction',
      'Le territoire et ses pôles',
      'Les étapes où les collectivités contribuent',
      'Les 8 leviers',
      'Témoignages',
      'Analyses',
      'Préconisations retenues',
      'Repères chiffrés',
    ]);
    const [poles] = refsIn(view, 'territory');
    expect(poles.kind).toBe('poles');
    if (poles.kind === 'poles') {
      expect(poles.poles[0].name).toBe('TETRIS');
      expect(poles.poles[0].facts).toEqual(expect.arrayContaining([{ label: 'Périmètre', value: 'Intercommunalité' }]));
    }
    expect(refsIn(view, 'stages').filter((r) => r.kind === 'testimonies')).toHaveLength(7);
    expect(sectionOf(view, 'levers').blocks.filter((b) => b.type === 'heading')).toHaveLength(8);
    expect((await animateur.request('GET', guide(), undefined, { 'accept-language': 'en' })).body.title).toBe('Support guide — Pays de Grasse');

    const editor = await openDocument(t.url, contributeur.cookie, guideDocument(spaceId));
    opened.push(editor);
    expect(readSections(editor.doc).map((s) => s.id)).toEqual(view.sections.map((s) => s.id));
    expect((await outsider.get(guide())).status).toBe(404);
  });

  it('resolves references live: a validated testimony appears, a new funding line changes the figures', async () => {
    const before = (await contributeur.get(guide())).body as GuideView;
    const created = await contributeur.post(`/api/spaces/${spaceId}/testimonies`, {
      title: 'TETRIS à Grasse',
      collectivites: [{ organisationId: collectiviteId, stages: ['support'] }],
      levers: ['pedagogy'],
      figures: [{ kind: 'live', label: 'Financements', source: { measure: 'funding_total' } }],
    });
    expect(created.status).toBe(201);
    const listed = () => (refsIn(before, 'testimonies')[0] as Extract<ResolvedReference, { testimonies: unknown }>).testimonies;
    expect(listed()).toEqual([]);
    let view = (await contributeur.get(guide())).body as GuideView;
    expect(refsIn(view, 'testimonies')[0]).toMatchObject({ kind: 'testimonies', testimonies: [] });

    expect((await animateur.post(`/api/spaces/${spaceId}/testimonies/${created.body.id}/status`, { status: 'validated', version: 1 })).status).toBe(200);
    view = (await contributeur.get(guide())).body as GuideView;
    expect(refsIn(view, 'testimonies')[0]).toMatchObject({ kind: 'testimonies', testimonies: [{ title: 'TETRIS à Grasse', status: 'validated' }] });
    // Under its stage only.
    const stages = refsIn(view, 'stages') as Extract<ResolvedReference, { testimonies: unknown }>[];
    expect(stages.map((r) => [r.filter, r.testimonies.length])).toContainEqual(['stage:support', 1]);
    expect(stages.filter((r) => r.testimonies.length > 0)).toHaveLength(1);

    const total = fundingTotal(view)!;
    await fundingLine(2_500_000);
    expect(fundingTotal((await contributeur.get(guide())).body)).toBe(total + 2_500_000);
  });

  it('previews one reference, and says `missing` for anything outside the space or malformed', async () => {
    const foreign = (await animateur.post(`/api/spaces/${otherSpaceId}/testimonies`, { title: 'Ailleurs' })).body.id as string;
    const own = (await contributeur.post(`/api/spaces/${spaceId}/testimonies`, { title: 'Brouillon du pôle' })).body.id as string;
    const preview = (query: string) => observateur.get(`${guide()}/reference?${query}`);
    expect((await preview(`kind=testimony&target=${own}`)).body).toMatchObject({
      kind: 'testimony',
      testimonies: [{ title: 'Brouillon du pôle', status: 'draft' }],
    });
    expect((await preview(`kind=testimony&target=${foreign}`)).body).toMatchObject({ kind: 'missing' });
    expect((await preview('kind=testimony')).body).toMatchObject({ kind: 'missing' });
    expect((await preview('kind=funding_table&from=2025&to=2020')).body).toMatchObject({ kind: 'missing' });
    expect((await preview('kind=funding_table&from=2024&to=2024')).body).toMatchObject({ kind: 'funding_table', table: { period: { from: 2024, to: 2024 } } });
    const bad = await preview('kind=secrets&filter=lever:nothing');
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: { path: string }) => i.path).sort()).toEqual(['filter', 'kind']);
  });

  it('resolves references inside analyses one level deep, never into a loop', async () => {
    const analysisId = (
      await contributeur.post(`/api/spaces/${spaceId}/analyses`, { title: 'Ce que montrent les chiffres', scope: { kind: 'lever', lever: 'pedagogy' } })
    ).body.id as string;
    const writer = await openDocument(t.url, contributeur.cookie, `analysis/${analysisId}/text`);
    opened.push(writer);
    writer.doc.transact(() => {
      const text = writer.doc.getXmlFragment('text');
      for (const attributes of [{ kind: 'funding_table' }, { kind: 'analyses' }, { kind: 'analysis', target: analysisId }]) {
        const element = new Y.XmlElement(LIVE_REFERENCE);
        for (const [k, v] of Object.entries(attributes)) element.setAttribute(k, v);
        text.push([element]);
      }
    });
    let analyses: Extract<ResolvedReference, { analyses: unknown }> | undefined;
    await eventually(async () => {
      analyses = refsIn((await observateur.get(guide())).body, 'analyses')[0] as Extract<ResolvedReference, { analyses: unknown }>;
      return analyses.analyses[0]?.blocks.length === 3;
    });
    expect(analyses!.analyses.map((a) => a.title)).toEqual(['Ce que montrent les chiffres']);
    expect(analyses!.analyses[0].blocks.map((b) => (b.type === 'reference' ? b.reference.kind : b.type))).toEqual(['funding_table', 'missing', 'missing']);
  });

  it('lets an observateur read the guide but not write it, and a contributeur write its text but not its sections', async () => {
    const watcher = await openDocument(t.url, observateur.cookie, guideDocument(spaceId));
    opened.push(watcher);
    expect(watcher.document.readOnly).toBe(true);
    const write = updateOf(watcher.doc, (d) => d.getXmlFragment(sectionContentKey('custom-introduction')).insert(0, [new Y.XmlElement('paragraph')]));
    expect(await watcher.socket.emitWithAck(CollabEvent.message, syncFrame(guideDocument(spaceId), SyncStep.update, write))).toMatchObject({
      ok: false,
      code: 'read_only',
    });
    const writer = await openDocument(t.url, contributeur.cookie, guideDocument(spaceId));
    opened.push(writer);
    const rename = updateOf(writer.doc, (d) => (d.getArray('sections').get(0) as Y.Map<unknown>).set('title', 'Avant-propos'));
    expect(await writer.socket.emitWithAck(CollabEvent.message, syncFrame(guideDocument(spaceId), SyncStep.update, rename))).toMatchObject({
      ok: false,
      code: 'not_allowed',
    });
    const intro = writer.doc.getXmlFragment(sectionContentKey('custom-introduction'));
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Un guide écrit à plusieurs mains.')]);
    intro.push([paragraph]);
    await eventually(
      async () => JSON.stringify(sectionOf((await observateur.get(guide())).body, 'custom').blocks).includes('plusieurs mains'),
      5000,
      'the text',
    );
  });

  it('answers 200 with nothing (null) while the guide is not published, 404 to outsiders', async () => {
    const unpublished = await observateur.get(`${guide()}/publication`);
    expect(unpublished.status).toBe(200);
    expect(unpublished.body ?? null).toBeNull();
    expect((await outsider.get(`${guide()}/publication`)).status).toBe(404);
    const published = await animateur.request('PUT', `${guide()}/publication`, {});
    expect(published.status).toBe(200);
    expect((await observateur.get(`${guide()}/publication`)).body).toMatchObject({ token: published.body.token });
    expect((await animateur.delete(`${guide()}/publication`)).status).toBe(204);
    const withdrawn = await observateur.get(`${guide()}/publication`);
    expect([withdrawn.status, withdrawn.body ?? null]).toEqual([200, null]);
  });
});
