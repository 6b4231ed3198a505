import JSZip from 'jszip';
import type { GuideRecommendation, GuideTestimony, GuideView, ResolvedReference } from '@concerto/domain';
import { ApiClient, addMember, buildSpace } from '../../testing/api-client.js';
import { pdfText } from '../../testing/pdf-text.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';

const referencesIn = (view: GuideView, kind: string): ResolvedReference[] =>
  view.sections.find((s) => s.kind === kind)!.blocks.flatMap((b) => (b.type === 'reference' ? [b.reference] : []));
const testimoniesOf = (view: GuideView): GuideTestimony[] => referencesIn(view, 'testimonies').flatMap((r) => (r.kind === 'testimonies' ? r.testimonies : []));
const recommendationsOf = (view: GuideView): GuideRecommendation[] =>
  referencesIn(view, 'recommendations').flatMap((r) => (r.kind === 'recommendations' ? r.recommendations : []));
const fundingTotal = (view: GuideView) => {
  const table = referencesIn(view, 'figures').find((r) => r.kind === 'funding_table');
  return table?.kind === 'funding_table' ? table.table.total.totalCents : undefined;
};

describe('the cross-pole guide of an observatory user (real PostgreSQL, real Yjs)', () => {
  let t: TestApp;
  let animateur: ApiClient;
  let observer: ApiClient;
  let outsider: ApiClient;
  /** Followed by the observer: the poles « Fabrique » and « Écopôle »; not followed: « Zèbre ». */
  let fabrique: string;
  let ecopole: string;
  let zebre: string;

  const validatedTestimony = async (spaceId: string, title: string) => {
    const id = (await animateur.post(`/api/spaces/${spaceId}/testimonies`, { title })).body.id as string;
    expect((await animateur.post(`/api/spaces/${spaceId}/testimonies/${id}/status`, { status: 'reviewed', version: 1 })).status).toBe(200);
    expect((await animateur.post(`/api/spaces/${spaceId}/testimonies/${id}/status`, { status: 'validated', version: 2 })).status).toBe(200);
  };
  const retainedRecommendation = async (spaceId: string, statement: string) => {
    const id = (await animateur.post(`/api/spaces/${spaceId}/recommendations`, { statement })).body.id as string;
    expect((await animateur.post(`/api/spaces/${spaceId}/recommendations/${id}/status`, { status: 'debated', version: 1 })).status).toBe(200);
    expect((await animateur.post(`/api/spaces/${spaceId}/recommendations/${id}/status`, { status: 'retained', version: 2 })).status).toBe(200);
  };
  const funding = async (spaceId: string, amountCents: number) => {
    const funderId = (await animateur.post('/api/organisations', { kind: 'collectivite', collectiviteLevel: 'epci', name: `EPCI ${amountCents}` })).body.id;
    const projectId = (await animateur.post(`/api/spaces/${spaceId}/projects`, { title: 'Recyclerie' })).body.id;
    const line = { funderId, funderLevel: 'epci', year: 2024, amountCents, kind: 'operating', status: 'secured' };
    expect((await animateur.post(`/api/spaces/${spaceId}/projects/${projectId}/funding-lines`, line)).status).toBe(201);
  };
  const download = (client: ApiClient, query: string) => fetch(`${t.url}/api/observatory/guide/export?${query}`, { headers: { cookie: client.cookie! } });

  beforeAll(async () => {
    t = await startTestApp();
    [animateur, observer, outsider] = [0, 1, 2].map(() => new ApiClient(t.url));
    for (const c of [animateur, observer, outsider]) await c.signUp();
    fabrique = await buildSpace(animateur, { title: 'Fabrique — concertation', poleName: 'Fabrique' });
    ecopole = await buildSpace(animateur, { title: 'Écopôle — concertation', poleName: 'Écopôle' });
    zebre = await buildSpace(animateur, { title: 'Zèbre — concertation', poleName: 'Zèbre' });
    await addMember(animateur, fabrique, observer, 'observateur');
    await addMember(animateur, ecopole, observer, 'observateur');

    await validatedTestimony(fabrique, 'Le tiers-lieu de la Fabrique');
    await validatedTestimony(ecopole, 'Une légumerie <script>alert(1)</script>');
    await validatedTestimony(ecopole, 'Des jardins partagés');
    await validatedTestimony(zebre, 'Témoignage du Zèbre');
    await animateur.post(`/api/spaces/${ecopole}/testimonies`, { title: 'Brouillon de l’Écopôle' });
    await retainedRecommendation(fabrique, 'Mutualiser les locaux');
    await retainedRecommendation(ecopole, 'Signer une convention pluriannuelle');
    await retainedRecommendation(zebre, 'Préconisation du Zèbre');
    await animateur.post(`/api/spaces/${ecopole}/recommendations`, { statement: 'Préconisation proposée' });
    await funding(fabrique, 100_000);
    await funding(ecopole, 50_000);
    await funding(zebre, 999_900);
  });
  afterAll(async () => {
    await t.close();
  });

  it('gathers the validated testimonies and retained recommendations of every space followed, in French order of their poles', async () => {
    const response = await observer.get('/api/observatory/guide');
    expect(response.status).toBe(200);
    const view = response.body as GuideView;
    expect(view.title).toBe('Guide d’appui inter-pôles');
    // « Écopôle » before « Fabrique » (French collation, not code points).
    expect(view.spaces.map((s) => s.id)).toEqual([ecopole, fabrique]);
    expect(view.sections.map((s) => s.title)).toEqual(['Les pôles et leurs territoires', 'Témoignages', 'Préconisations retenues', 'Repères chiffrés']);
    const poles = referencesIn(view, 'territory').find((r) => r.kind === 'poles');
    expect(poles?.kind === 'poles' && poles.poles.map((p) => p.name)).toEqual(['Écopôle', 'Fabrique']);

    expect(testimoniesOf(view).map((x) => [x.pole.name, x.title])).toEqual([
      ['Écopôle', 'Des jardins partagés'],
      ['Écopôle', 'Une légumerie <script>alert(1)</script>'],
      ['Fabrique', 'Le tiers-lieu de la Fabrique'],
    ]);
    expect(recommendationsOf(view).map((r) => [r.space, r.statement, r.status])).toEqual([
      ['Écopôle', 'Signer une convention pluriannuelle', 'retained'],
      ['Fabrique', 'Mutualiser les locaux', 'retained'],
    ]);
    // The figures cover the two spaces followed, not the third.
    expect(fundingTotal(view)).toBe(150_000);

    const english = (await observer.request('GET', '/api/observatory/guide', undefined, { 'accept-language': 'en' })).body as GuideView;
    expect(english.title).toBe('Cross-pole support guide');
    expect(english.sections.map((s) => s.title)).toEqual(['The hubs and their territories', 'Testimonies', 'Retained recommendations', 'Key figures']);
  });

  it('keeps to the spaces chosen, each of which the caller must belong to', async () => {
    const view = (await observer.get(`/api/observatory/guide?spaceIds=${fabrique}`)).body as GuideView;
    expect(view.spaces).toEqual([{ id: fabrique, name: 'Fabrique — concertation' }]);
    expect(testimoniesOf(view).map((x) => x.title)).toEqual(['Le tiers-lieu de la Fabrique']);
    expect(recommendationsOf(view).map((r) => r.statement)).toEqual(['Mutualiser les locaux']);
    expect(fundingTotal(view)).toBe(100_000);
    // The same space twice is once.
    expect((await observer.get(`/api/observatory/guide?spaceIds=${fabrique},${fabrique}`)).body.spaces).toHaveLength(1);

    // Another's space, or no space at all: 404, as everywhere (its existence does not leak).
    expect((await observer.get(`/api/observatory/guide?spaceIds=${fabrique},${zebre}`)).status).toBe(404);
    expect((await observer.get(`/api/observatory/guide?spaceIds=${crypto.randomUUID()}`)).status).toBe(404);
    expect((await outsider.get(`/api/observatory/guide?spaceIds=${ecopole}`)).status).toBe(404);
    expect((await download(outsider, `format=pdf&spaceIds=${ecopole}`)).status).toBe(404);
    // Bad input names what is wrong.
    for (const bad of ['spaceIds=', 'spaceIds=pas-un-identifiant', 'other=1']) {
      const response = await observer.get(`/api/observatory/guide?${bad}`);
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body.issues)).toMatch(/spaceIds|other/);
    }
    expect((await new ApiClient(t.url).get('/api/observatory/guide')).status).toBe(401);

    // Someone who follows nothing gets an empty guide.
    const empty = (await outsider.get('/api/observatory/guide')).body as GuideView;
    expect(empty.spaces).toEqual([]);
    expect(testimoniesOf(empty)).toEqual([]);
    expect(fundingTotal(empty)).toBe(0);
  });

  it('narrows the observatory figures to some of the caller’s spaces (spaceIds)', async () => {
    expect((await observer.get(`/api/observatory/funding?spaceIds=${fabrique},${ecopole}`)).body.total.totalCents).toBe(150_000);
    expect((await observer.get(`/api/observatory/funding?spaceIds=${ecopole}`)).body.total.totalCents).toBe(50_000);
    // A space the caller does not belong to counts nothing.
    expect((await observer.get(`/api/observatory/funding?spaceIds=${zebre}`)).body.total.totalCents).toBe(0);
    expect((await observer.get('/api/observatory/funding?spaceIds=x')).status).toBe(400);
  });

  it('downloads as Word and PDF with a French file name, holding the chosen spaces’ items and nothing else', async () => {
    const docx = await download(observer, `format=docx&spaceIds=${ecopole},${fabrique}`);
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(docx.headers.get('content-disposition')).toMatch(/filename="guide-inter-poles-\d{4}-\d{2}-\d{2}\.docx"/);
    const xml = await (await JSZip.loadAsync(await docx.arrayBuffer())).file('word/document.xml')!.async('string');
    for (const text of [
      'Guide d’appui inter-pôles',
      'Le tiers-lieu de la Fabrique',
      'Des jardins partagés',
      'Signer une convention pluriannuelle',
      'Mutualiser les locaux',
    ]) {
      expect(xml).toContain(text);
    }
    expect(xml).toContain('Une légumerie &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(xml).not.toMatch(/<script|Brouillon de l’Écopôle|Préconisation proposée|Zèbre/);

    const pdf = await download(observer, `format=pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toMatch(/filename="guide-inter-poles-\d{4}-\d{2}-\d{2}\.pdf"/);
    const text = (await pdfText(Buffer.from(await pdf.arrayBuffer()))).replace(/\s+/g, ' ');
    for (const expected of ['Le tiers-lieu de la Fabrique', 'Des jardins partagés', 'Mutualiser les locaux', 'Préconisations retenues']) {
      expect(text).toContain(expected);
    }
    expect(text).not.toMatch(/Brouillon de l’Écopôle|Préconisation proposée|Zèbre/);

    const english = await download(observer, `format=pdf&lang=en&spaceIds=${fabrique}`);
    expect((await pdfText(Buffer.from(await english.arrayBuffer()))).replace(/\s+/g, ' ')).toContain('Cross-pole support guide');
    expect((await download(observer, 'format=odt')).status).toBe(400);
  });
});
