import JSZip from 'jszip';
import * as Y from 'yjs';
import { guideDocument, sectionContentKey } from '@concerto/collab';
import { io } from 'socket.io-client';
import {
  type ChangeNotice,
  EVENTS_NAMESPACE,
  EventsClientEvent,
  EventsServerEvent,
  type GuideBlock,
  type GuidePublicationView,
  type GuideView,
  type ResolvedReference,
} from '@concerto/domain';
import { ApiClient, addMember, buildSpace } from '../../testing/api-client.js';
import { eventually, openDocument } from '../../testing/collab-clients.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { CollabService } from '../collab/collab.service.js';

const fundingTotal = (view: GuideView): number | undefined => {
  const figures = view.sections.find((s) => s.kind === 'figures')!;
  const block = figures.blocks.find((b): b is Extract<GuideBlock, { type: 'reference' }> => b.type === 'reference' && b.reference.kind === 'funding_table');
  const reference: ResolvedReference | undefined = block?.reference;
  return reference?.kind === 'funding_table' ? reference.table.total.totalCents : undefined;
};
const introText = (view: GuideView) => JSON.stringify(view.sections.find((s) => s.id === 'custom-introduction')!.blocks);

describe('guide d’appui: versions, publication, public page and exports (real PostgreSQL, real Yjs)', () => {
  let t: TestApp;
  let animateur: ApiClient;
  let contributeur: ApiClient;
  let observateur: ApiClient;
  let anonymous: ApiClient;
  let outsider: ApiClient;
  let spaceId: string;
  let collectiviteId: string;
  let projectId: string;
  const guide = () => `/api/spaces/${spaceId}/guide`;

  /** Writes into the guide's introduction as the server does (no policy: what any client could have stored before). */
  const writeIntro = (edit: (intro: Y.XmlFragment) => void) =>
    t.app.get(CollabService).change(guideDocument(spaceId), (doc) => edit(doc.getXmlFragment(sectionContentKey('custom-introduction'))));
  const paragraph = (text: string, attributes?: Record<string, unknown>) => {
    const element = new Y.XmlElement('paragraph');
    const run = new Y.XmlText();
    run.insert(0, text, attributes);
    element.insert(0, [run]);
    return element;
  };

  beforeAll(async () => {
    t = await startTestApp();
    [animateur, contributeur, observateur, anonymous, outsider] = [0, 1, 2, 3, 4].map(() => new ApiClient(t.url));
    for (const c of [animateur, contributeur, observateur, outsider]) await c.signUp();
    spaceId = await buildSpace(animateur, { title: 'Écopôle d’Audruicq', poleName: 'Écopôle alimentaire' });
    await addMember(animateur, spaceId, contributeur, 'contributeur');
    await addMember(animateur, spaceId, observateur, 'observateur');
    collectiviteId = (await animateur.post('/api/organisations', { kind: 'collectivite', collectiviteLevel: 'region', name: 'Hauts-de-France' })).body.id;
    projectId = (await animateur.post(`/api/spaces/${spaceId}/projects`, { title: 'Légumerie' })).body.id;
  });
  afterAll(() => t.close());

  it('freezes the values in a version: the money changes after, the version still shows the old value with its date', async () => {
    const line = await animateur.post(`/api/spaces/${spaceId}/projects/${projectId}/funding-lines`, {
      funderId: collectiviteId,
      funderLevel: 'region',
      year: 2024,
      amountCents: 4_000_000,
      kind: 'operating',
      status: 'secured',
    });
    expect(line.status).toBe(201);
    const created = await contributeur.post(`${guide()}/versions`, { name: 'Avant le comité' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Avant le comité', published: false, createdBy: { displayName: expect.any(String) } });

    const changed = await animateur.patch(`/api/spaces/${spaceId}/projects/${projectId}/funding-lines/${line.body.id}`, {
      version: line.body.version,
      amountCents: 6_500_000,
    });
    expect(changed.status).toBe(200);
    expect(fundingTotal((await observateur.get(guide())).body)).toBe(6_500_000);
    const frozen = (await observateur.get(`${guide()}/versions/${created.body.id}`)).body as GuideView;
    expect(fundingTotal(frozen)).toBe(4_000_000);
    expect(frozen).toMatchObject({ versionName: 'Avant le comité', frozenAt: created.body.createdAt });
    expect((await observateur.get(`${guide()}/versions`)).body.map((v: { name: string }) => v.name)).toContain('Avant le comité');
    expect((await observateur.get(`${guide()}/versions/${crypto.randomUUID()}`)).status).toBe(404);
    expect((await contributeur.post(`${guide()}/versions`, { name: '\u200b\u200b' })).status).toBe(400);
  });

  it('tells the space’s followers when the guide reads differently: its text edited, a version saved', async () => {
    const follower = io(`${t.url}${EVENTS_NAMESPACE}`, { transports: ['websocket'], forceNew: true, extraHeaders: { cookie: observateur.cookie! } });
    const notices: ChangeNotice[] = [];
    follower.on(EventsServerEvent.change, (notice: ChangeNotice) => notices.push(notice));
    try {
      expect(await follower.timeout(5000).emitWithAck(EventsClientEvent.join, { spaceId })).toEqual({ ok: true });
      const writer = await openDocument(t.url, contributeur.cookie, guideDocument(spaceId));
      try {
        writer.doc.getXmlFragment(sectionContentKey('custom-introduction')).push([paragraph('Une phrase de plus.')]);
        // Once the burst of keystrokes is over.
        await eventually(() => notices.some((n) => n.entity === 'guide' && n.id === spaceId && n.op === 'updated'), 5000, 'the guide notice');
      } finally {
        writer.close();
      }
      const version = (await contributeur.post(`${guide()}/versions`, { name: 'Notifiée' })).body.id as string;
      await eventually(() => notices.some((n) => n.entity === 'guide_version' && n.id === version && n.op === 'created'), 5000, 'the version notice');
    } finally {
      follower.disconnect();
    }
  });

  it('restores a version’s text for animateurs, after saving today’s', async () => {
    await writeIntro((intro) => intro.push([paragraph('Première rédaction.')]));
    const first = (await animateur.post(`${guide()}/versions`, { name: 'Première rédaction' })).body.id as string;
    await writeIntro((intro) => {
      intro.delete(0, intro.length);
      intro.push([paragraph('Seconde rédaction.')]);
    });
    expect(introText((await observateur.get(guide())).body)).toContain('Seconde rédaction.');
    expect((await contributeur.post(`${guide()}/versions/${first}/restore`)).status).toBe(403);

    const restored = await animateur.post(`${guide()}/versions/${first}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body.name).toBe('Avant la restauration de « Première rédaction »');
    const live = (await observateur.get(guide())).body as GuideView;
    expect(introText(live)).toContain('Première rédaction.');
    expect(introText(live)).not.toContain('Seconde rédaction.');
    expect(introText((await observateur.get(`${guide()}/versions/${restored.body.id}`)).body)).toContain('Seconde rédaction.');
  });

  it('publishes a frozen version readable signed out, keeps the link when republished, and answers 404 at once when withdrawn', async () => {
    // Not published: an answer, not an error (the guide page asks on every load).
    const notPublished = async () => {
      const none = await observateur.get(`${guide()}/publication`);
      return [none.status, none.body ?? null];
    };
    expect(await notPublished()).toEqual([200, null]);
    // Someone outside the space learns nothing, not even whether it has a guide.
    expect((await outsider.get(`${guide()}/publication`)).status).toBe(404);
    expect((await contributeur.request('PUT', `${guide()}/publication`, {})).status).toBe(403);
    const published = await animateur.request<GuidePublicationView>('PUT', `${guide()}/publication`, { title: 'Le guide de l’Écopôle' });
    expect(published.status).toBe(200);
    const { token, url } = published.body;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url).toMatch(new RegExp(`^https?://[^/]+/guide-public/${token}$`));
    expect((await observateur.get(`${guide()}/publication`)).body).toMatchObject({ token, versionId: published.body.versionId });
    const versions = (await observateur.get(`${guide()}/versions`)).body as { id: string; name: string; published: boolean }[];
    expect(versions.find((v) => v.id === published.body.versionId)).toMatchObject({
      published: true,
      name: expect.stringMatching(/^Publication du \d{1,2} \S+ \d{4}$/),
    });

    const page = await fetch(`${t.url}/guide-public/${token}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(page.headers.get('content-security-policy')).not.toMatch(/script-src|unsafe-inline/);
    expect(page.headers.get('cache-control')).toBe('no-store');
    const html = await page.text();
    expect(html).toContain('<title>Le guide de l’Écopôle</title>');
    expect(html).not.toMatch(/<script/i);
    const data = await anonymous.get(`/api/public/guides/${token}`);
    expect(data.status).toBe(200);
    expect(data.body).toMatchObject({ title: 'Le guide de l’Écopôle', frozenAt: expect.any(String) });

    // Republished: the same link shows the new version.
    await writeIntro((intro) => intro.push([paragraph('Ajout après publication.')]));
    const again = await animateur.request<GuidePublicationView>('PUT', `${guide()}/publication`, {});
    expect(again.body.token).toBe(token);
    expect(again.body.versionId).not.toBe(published.body.versionId);
    expect(await (await fetch(`${t.url}/guide-public/${token}`)).text()).toContain('Ajout après publication.');

    expect((await contributeur.delete(`${guide()}/publication`)).status).toBe(403);
    expect((await animateur.delete(`${guide()}/publication`)).status).toBe(204);
    expect((await fetch(`${t.url}/guide-public/${token}`)).status).toBe(404);
    expect((await anonymous.get(`/api/public/guides/${token}`)).status).toBe(404);
    expect(await notPublished()).toEqual([200, null]);
    expect((await outsider.get(`${guide()}/publication`)).status).toBe(404);
    expect((await animateur.delete(`${guide()}/publication`)).status).toBe(404);
    // A new publication is a new link: the withdrawn one stays dead.
    const third = await animateur.request<GuidePublicationView>('PUT', `${guide()}/publication`, {});
    expect(third.body.token).not.toBe(token);
    expect((await fetch(`${t.url}/guide-public/${token}`)).status).toBe(404);
    for (const bad of ['x', '%3Cscript%3E', 'A'.repeat(43), 'A'.repeat(500), `${third.body.token}A`]) {
      expect((await fetch(`${t.url}/guide-public/${bad}`)).status).toBe(404);
      expect((await anonymous.get(`/api/public/guides/${bad}`)).status).toBe(404);
    }
  });

  it('keeps hostile text inert in the public page and the exports, under French file names', async () => {
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(1)>\u0007\u202E\uD800 fin';
    const testimony = await animateur.post(`/api/spaces/${spaceId}/testimonies`, {
      title: 'Témoin <script>alert("t")</script>',
      quotes: [{ text: '<b onmouseover=alert(1)>cité</b>', author: 'Élue', role: '<i>rôle</i>' }],
    });
    expect(testimony.status).toBe(201);
    expect((await animateur.post(`/api/spaces/${spaceId}/testimonies/${testimony.body.id}/status`, { status: 'validated', version: 1 })).status).toBe(200);
    await writeIntro((intro) => intro.push([paragraph(hostile), paragraph('piège', { link: { href: 'javascript:alert(1)' } })]));

    const { token } = (await animateur.request<GuidePublicationView>('PUT', `${guide()}/publication`, {})).body;
    const html = await (await fetch(`${t.url}/guide-public/${token}`)).text();
    // Markup arrives as characters, never as elements or attributes; no unsafe link survives.
    expect(html).not.toMatch(/<script|<img|<b[\s>]|<i>|javascript:|\u202E|\uD800/i);
    expect(html).not.toContain('\u0007');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Témoin &lt;script&gt;');
    expect(html).toContain('piège');

    const docx = await fetch(`${t.url}${guide()}/export?format=docx`, { headers: { cookie: observateur.cookie! } });
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const disposition = docx.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^attachment; filename="guide-d-appui-ecopole-d-audruicq-\d{4}-\d{2}-\d{2}\.docx"; filename\*=UTF-8''guide-d-appui-/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1])).toMatch(/^guide-d-appui-écopôle-d-audruicq-\d{4}-\d{2}-\d{2}\.docx$/);
    const xml = await (await JSZip.loadAsync(await docx.arrayBuffer())).file('word/document.xml')!.async('string');
    expect(xml).toContain('Témoin &lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt;');
    expect(xml).not.toMatch(/<script|javascript:/);
    expect(xml).not.toContain('\u0007');

    const versionId = (await observateur.get(`${guide()}/publication`)).body.versionId as string;
    const pdf = await fetch(`${t.url}${guide()}/export?format=pdf&versionId=${versionId}`, { headers: { cookie: observateur.cookie! } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toMatch(/filename="guide-d-appui-ecopole-d-audruicq-\d{4}-\d{2}-\d{2}\.pdf"/);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect((await observateur.get(`${guide()}/export?format=odt`)).status).toBe(400);
    expect((await observateur.get(`${guide()}/export?format=pdf&versionId=${crypto.randomUUID()}`)).status).toBe(404);
  });
});
