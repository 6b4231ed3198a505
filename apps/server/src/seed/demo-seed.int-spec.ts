import { ApiClient } from '../../testing/api-client.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { seedDemoTerritory } from './demo-seed.js';
import { DEMO_FUNDING_YEAR } from './demo-projects.js';
import { DEMO_PASSWORD } from './demo-territory.js';

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
});
