import * as Y from 'yjs';
import type {
  CommentView,
  MilestoneView,
  MinutesView,
  ProjectDetail,
  ProjectSummary,
  SectionStateView,
  SessionSummary,
  TestimonyView,
  VersionView,
} from '@concerto/domain';
import { ANALYSIS_TEXT, TESTIMONY_STORY, diagnosticDocument, guideDocument, readSections, sectionContentKey } from '@concerto/collab';
import { ApiClient } from '../../testing/api-client.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { CollabService } from '../collab/collab.service.js';
import { seedDemoTerritory } from './demo-seed.js';
import { DEMO_FUNDING_YEAR } from './demo-projects.js';
import { ROUND_STEP_CENTS } from './study-funding-plan.js';
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
    // The study's medians exactly (k€); the Communes one is the largest its total and count allow (26 k€, not 30).
    const medians = Object.fromEntries(
      table.rows.map((r: { level: string; medianCents: number | null }) => [r.level, r.medianCents === null ? null : r.medianCents / 100_000]),
    );
    expect(medians).toMatchObject({ commune: 26, epci: 17, department: 28, region: 10, state: 33, europe: 70 });
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

  it('shows a pole a year into its concertation: diagnostics worked on, a past session per pole, projects under way', async () => {
    const observatoire = new ApiClient(t.url);
    await observatoire.post('/api/auth/sign-in', { email: 'observatoire@demo.concerto.fr', password: DEMO_PASSWORD });
    const spaces: { id: string; pole: { name: string } }[] = (await observatoire.get('/api/spaces')).body;
    expect(spaces).toHaveLength(5);
    const scores = new Set<number>();
    const statuses = new Set<string>();
    const threads: CommentView[] = [];
    const replies: CommentView[] = [];
    for (const space of spaces) {
      // The diagnostic: text in several sections, each assessed, as the server loads the document.
      const all: SectionStateView[] = (await observatoire.get(`/api/spaces/${space.id}/diagnostic/sections`)).body;
      const sections = all.filter((s) => s.updatedBy !== null);
      expect(sections.length).toBeGreaterThanOrEqual(4);
      const doc = await t.app.get(CollabService).currentState(diagnosticDocument(space.id));
      for (const section of sections) {
        if (section.score !== null) scores.add(section.score);
        statuses.add(section.status);
        expect(section.justification.length).toBeGreaterThan(20);
        const text = (await paragraphsOf(t, diagnosticDocument(space.id), sectionContentKey(section.sectionId))).join(' ');
        expect(text.length).toBeGreaterThan(80);
      }
      // Comments anchored on passages that are in the text.
      const comments: CommentView[] = (await observatoire.get(`/api/spaces/${space.id}/diagnostic/comments`)).body;
      for (const comment of comments.filter((c) => c.parentId === null)) {
        const [start, end] = [comment.anchor!.start, comment.anchor!.end].map((a) =>
          Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(Buffer.from(a, 'base64')), doc),
        );
        expect(start?.type).toBe(end?.type);
        expect((start!.type as Y.XmlText).toString().slice(start!.index, end!.index)).toBe(comment.anchor!.quote);
        threads.push(comment);
      }
      replies.push(...comments.filter((c) => c.parentId !== null));
      // A named version, older than today's text.
      const versions: VersionView[] = (await observatoire.get(`/api/spaces/${space.id}/diagnostic/versions`)).body;
      const named = versions.find((v) => v.kind === 'manual');
      expect(named?.name.length).toBeGreaterThan(10);
      expect(named?.contributors.length).toBeGreaterThan(0);
      const comparison = (await observatoire.get(`/api/spaces/${space.id}/diagnostic/versions/${named!.id}/compare`)).body as {
        sections: { change: string }[];
      };
      expect(comparison.sections.some((c) => c.change === 'changed')).toBe(true);

      // One past session, held and closed, with its minutes.
      const sessions: SessionSummary[] = (await observatoire.get(`/api/spaces/${space.id}/sessions`)).body;
      expect(sessions).toHaveLength(1);
      expect(sessions[0]).toMatchObject({ status: 'closed', hasMinutes: true });
      expect(Date.parse(sessions[0].closedAt!)).toBeLessThan(Date.now());
      const session = (await observatoire.get(`/api/sessions/${sessions[0].id}`)).body as { agenda: { status: string }[] };
      expect(session.agenda.length).toBeGreaterThanOrEqual(1);
      expect(session.agenda.every((item) => item.status === 'done')).toBe(true);
      const minutes: MinutesView = (await observatoire.get(`/api/sessions/${sessions[0].id}/minutes`)).body;
      expect(minutes.attendance.some((p) => p.attended)).toBe(true);
      expect(minutes.agenda.every((item) => item.actualMinutes > 0)).toBe(true);
      expect(minutes.agenda.flatMap((item) => item.clusters.flatMap((c) => c.notes)).length).toBeGreaterThanOrEqual(2);
      const votes = [...minutes.votes, ...minutes.agenda.flatMap((item) => item.votes)];
      expect(votes.length).toBeGreaterThanOrEqual(1);
      expect(votes.every((v) => v.results.voters > 0)).toBe(true);
      expect(minutes.decisions.length).toBeGreaterThanOrEqual(1);
    }
    expect(scores.size).toBeGreaterThanOrEqual(4);
    expect(statuses).toEqual(new Set(['to_complete', 'in_progress', 'to_validate', 'validated']));
    expect(threads.length).toBeGreaterThanOrEqual(5);
    expect(threads.some((c) => c.resolvedAt !== null)).toBe(true);
    expect(threads.some((c) => c.resolvedAt === null)).toBe(true);
    expect(threads.some((c) => c.mentions.length > 0)).toBe(true);
    expect(replies.length).toBeGreaterThanOrEqual(3);

    // Projects at every stage and in every status, with partners in each role, milestones done and late, indicators over years.
    const projects: ProjectSummary[] = [];
    for (const space of spaces) projects.push(...(await observatoire.get(`/api/spaces/${space.id}/projects`)).body);
    expect(projects).toHaveLength(29);
    expect(new Set(projects.map((p) => p.stage))).toEqual(new Set(['emergence', 'seeding', 'development', 'sustainability']));
    expect(new Set(projects.map((p) => p.status))).toEqual(new Set(['under_study', 'ongoing', 'suspended', 'completed', 'abandoned']));
    expect(new Set(projects.flatMap((p) => p.partners.map((x) => x.role)))).toEqual(new Set(['carrier', 'partner', 'funder', 'technical_support']));
    expect(projects.every((p) => p.summary.length > 20 && p.levers.length > 0)).toBe(true);
    const today = new Date().toISOString().slice(0, 10);
    const milestones: MilestoneView[] = [];
    const years = new Map<string, Set<string>>();
    for (const project of projects) {
      const detail: ProjectDetail = (await observatoire.get(`/api/spaces/${project.spaceId}/projects/${project.id}`)).body;
      milestones.push(...detail.milestones);
      for (const indicator of detail.indicators) {
        const key = `${project.id}/${indicator.kind}/${indicator.label}`;
        years.set(key, (years.get(key) ?? new Set()).add(indicator.measuredOn.slice(0, 4)));
      }
    }
    expect(milestones.some((m) => m.done)).toBe(true);
    expect(milestones.filter((m) => !m.done && m.dueDate !== null && m.dueDate < today).length).toBeGreaterThanOrEqual(3);
    expect(milestones.some((m) => !m.done && m.dueDate !== null && m.dueDate > today)).toBe(true);
    expect([...years.values()].filter((y) => y.size >= 3).length).toBeGreaterThanOrEqual(5);

    // Every seeded amount is a round figure: multiples of 500 €, whole thousands from 5 000 €.
    const amounts: { amount_cents: string }[] = await t.dataSource.query(`SELECT amount_cents FROM funding_line`);
    expect(amounts.length).toBeGreaterThan(100);
    for (const { amount_cents } of amounts) {
      const cents = Number(amount_cents);
      expect(cents % ROUND_STEP_CENTS).toBe(0);
      if (cents >= 500_000) expect(cents % 100_000).toBe(0);
    }
  });
});
