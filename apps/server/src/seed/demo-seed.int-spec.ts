import type { TestimonyView } from '@concerto/domain';
import { ANALYSIS_TEXT, TESTIMONY_STORY, guideDocument, readSections, sectionContentKey } from '@concerto/collab';
import { ApiClient } from '../../testing/api-client.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { CollabService } from '../collab/collab.service.js';
import { seedDemoTerritory } from './demo-seed.js';
import { DEMO_FUNDING_YEAR } from './demo-projects.js';
import { DEMO_PASSWORD } from './demo-territory.js';

/** The text of a stored rich-text fragment, one string per paragraph, as the server loads it. */
async function paragraphsOf(t: TestApp, name: string, field: string): Promise<string[]> {
  const doc = await t.app.get(CollabService).currentState(name);
  return doc
    .getXmlFragment(field)
    .toArray()
    .map((node) => (node.toJSON() as string).replace(/<[^>]+>/g, ''));
}

describe('demo territory (real PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('seeds once, with projects whose funding gives the study table to someone following all five poles', async () => {
    expect(await seedDemoTerritory(t.dataSource)).toBe(true);
    expect(await seedDemoTerritory(t.dataSource)).toBe(false);
    const observatoire = new ApiClient(t.url);
    expect((await observatoire.post('/api/auth/sign-in', { email: 'observatoire@demo.concerto.fr', password: DEMO_PASSWORD })).status).toBe(200);
    const table = (await observatoire.get(`/api/observatory/funding?from=${DEMO_FUNDING_YEAR}&to=${DEMO_FUNDING_YEAR}`)).body;
    const inK = Object.fromEntries(
      table.rows.map((r: { level: string; totalCents: number; projectCount: number }) => [r.level, [r.totalCents / 100_000, r.projectCount]]),
    );
    expect(inK).toMatchObject({ commune: [246, 16], epci: [796, 20], department: [333, 15], region: [1239, 29], state: [1008, 24], europe: [776, 7] });
    expect(table.rows.find((r: { level: string }) => r.level === 'europe').medianCents).toBe(7_000_000);
    const panorama = (await observatoire.get('/api/observatory/panorama')).body;
    expect(panorama.totals.poles).toBe(5);
    expect(panorama.cellProfile.fte).toEqual({ median: 1.75, count: 5 });
    expect(panorama.relations.total.weakening).toBe(2);
    const spaces = (await observatoire.get('/api/spaces')).body;
    const projects = (await observatoire.get(`/api/spaces/${spaces[0].id}/projects`)).body;
    expect(projects.length).toBeGreaterThan(4);
  });

  it('shows a newcomer the guide working: a testimony per pole, recommendations with retained ones, analyses', async () => {
    const observatoire = new ApiClient(t.url);
    await observatoire.post('/api/auth/sign-in', { email: 'observatoire@demo.concerto.fr', password: DEMO_PASSWORD });
    const spaces: { id: string; pole: { name: string } }[] = (await observatoire.get('/api/spaces')).body;
    const testimonies: TestimonyView[] = [];
    for (const space of spaces) testimonies.push(...(await observatoire.get(`/api/spaces/${space.id}/testimonies`)).body);
    expect(testimonies).toHaveLength(5);
    expect(new Set(testimonies.map((x) => x.pole.name)).size).toBe(5);
    for (const testimony of testimonies) {
      expect(['validated', 'reviewed']).toContain(testimony.status);
      expect(testimony.statusChangedBy).not.toBeNull();
      expect(testimony.collectivites.length).toBeGreaterThan(1);
      expect(testimony.collectivites.every((c) => c.stages.length > 0 && c.organisation.level !== null)).toBe(true);
      expect(testimony.levers.length).toBeGreaterThan(1);
      expect(testimony.quotes.every((q) => q.author && q.role)).toBe(true);
      expect(testimony.quotes.length).toBeGreaterThan(0);
      expect(testimony.figures.some((f) => f.kind === 'typed')).toBe(true);
      // Live figures are read now from the pole's projects and funding: each pole has some.
      const live = testimony.figures.find((f) => f.kind === 'live');
      expect(live?.value).toBeGreaterThan(0);
      const story = await paragraphsOf(t, testimony.storyDocument, TESTIMONY_STORY);
      expect(story.length).toBeGreaterThanOrEqual(2);
      expect(story.length).toBeLessThanOrEqual(4);
      expect(story.every((p) => p.length > 100)).toBe(true);
    }
    expect(testimonies.filter((x) => x.status === 'validated').length).toBeGreaterThanOrEqual(3);

    const animatrice = new ApiClient(t.url);
    await animatrice.post('/api/auth/sign-in', { email: 'animatrice@demo.concerto.fr', password: DEMO_PASSWORD });
    const tetris = spaces.find((s) => s.pole.name === 'TETRIS')!;
    const recommendations = (await animatrice.get(`/api/spaces/${tetris.id}/recommendations`)).body as {
      statement: string;
      status: string;
      levers: string[];
      decidedBy: { displayName: string } | null;
      testimonies: { title: string }[];
    }[];
    expect(recommendations.length).toBeGreaterThanOrEqual(5);
    expect(recommendations.map((r) => r.statement)).toContain('Renforcer les aides à l’amorçage sur un temps long');
    const retained = recommendations.filter((r) => r.status === 'retained');
    expect(retained.length).toBeGreaterThanOrEqual(1);
    expect(retained.every((r) => r.decidedBy?.displayName === 'Camille Martin')).toBe(true);
    expect(recommendations.some((r) => r.status === 'proposed' || r.status === 'debated')).toBe(true);
    expect(recommendations.every((r) => r.levers.length > 0)).toBe(true);
    expect(recommendations.some((r) => r.testimonies.length > 0)).toBe(true);
    const analyses = (await animatrice.get(`/api/spaces/${tetris.id}/analyses`)).body as { document: string }[];
    expect(analyses.length).toBeGreaterThanOrEqual(1);
    for (const analysis of analyses) expect((await paragraphsOf(t, analysis.document, ANALYSIS_TEXT)).join(' ').length).toBeGreaterThan(100);

    // The guide is started: its skeleton as the first load makes it (once), and the pole's introduction.
    const guide = await t.app.get(CollabService).currentState(guideDocument(tetris.id));
    const sections = readSections(guide);
    expect(sections[0]).toMatchObject({ title: 'Introduction', archived: false });
    expect(sections.length).toBeGreaterThan(5);
    expect(new Set(sections.map((s) => s.id)).size).toBe(sections.length);
    const introduction = await paragraphsOf(t, guideDocument(tetris.id), sectionContentKey(sections[0].id));
    expect(introduction).toHaveLength(2);
    expect(introduction[1]).toContain('pôle TETRIS et les collectivités du Pays de Grasse');
    // The guide as read: the introduction, the validated testimony and the retained recommendations, live.
    const view = await animatrice.get(`/api/spaces/${tetris.id}/guide`);
    expect(view.status).toBe(200);
    const read = JSON.stringify(view.body);
    expect(read).toContain('pôle TETRIS et les collectivités du Pays de Grasse');
    expect(read).toContain('TETRIS : une agglomération qui provoque la rencontre');
    for (const r of retained) expect(read).toContain(r.statement);
  });
});
