import { ApiClient, buildSpace } from '../../testing/api-client.js';
import { docxParagraphs } from '../../testing/docx-text.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';

describe('the minutes are dated (real PostgreSQL, DOCX and Markdown)', () => {
  let t: TestApp;
  let animateur: ApiClient;
  let sessionId: string;
  let startedAt: Date;

  beforeAll(async () => {
    t = await startTestApp();
    animateur = new ApiClient(t.url);
    await animateur.signUp();
    const spaceId = await buildSpace(animateur);
    const session = await animateur.post(`/api/spaces/${spaceId}/sessions`, {
      title: 'Plénière de printemps',
      scheduledAt: '2026-03-03T18:00:00+01:00',
      agenda: [{ title: 'Tour de table', durationMinutes: 10, lever: 'inter_collectivite' }],
    });
    expect(session.status).toBe(201);
    sessionId = session.body.id;
    const started = await animateur.post(`/api/sessions/${sessionId}/facilitation`, { action: 'start' });
    expect(started.status).toBe(200);
    startedAt = new Date(started.body.startedAt);
    expect((await animateur.post(`/api/sessions/${sessionId}/close`)).status).toBe(200);
  });
  afterAll(() => t.close());

  const exportDocx = async (query: string) => {
    const response = await fetch(`${t.url}/api/sessions/${sessionId}/minutes/export?format=docx&${query}`, { headers: { cookie: animateur.cookie! } });
    expect(response.status).toBe(200);
    return docxParagraphs(await response.arrayBuffer());
  };
  const inZone = (date: Date, zone: string, options: Intl.DateTimeFormatOptions, tag = 'fr-FR') =>
    new Intl.DateTimeFormat(tag, { ...options, timeZone: zone }).format(date);

  it('writes the scheduled and actual times apart, in French and in the reader’s time zone', async () => {
    const paris = await exportDocx('lang=fr&tz=Europe/Paris');
    expect(paris).toContain('Prévue le 3 mars 2026 à 18:00');
    const held = `Tenue le ${inZone(startedAt, 'Europe/Paris', { dateStyle: 'long' })}, commencée à ${inZone(startedAt, 'Europe/Paris', { timeStyle: 'short' })}`;
    expect(paris).toContain(held);
    expect(paris).toContain('Levier : Développer les coopérations inter-collectivités');
    const cayenne = await exportDocx('lang=fr&tz=America/Cayenne');
    expect(cayenne).toContain('Prévue le 3 mars 2026 à 14:00');
  });

  it('writes them in English with English lever names', async () => {
    const english = await exportDocx('lang=en&tz=Europe/London');
    expect(english).toContain('Scheduled for 3 March 2026 at 17:00');
    expect(english.some((p) => p.startsWith('Held on '))).toBe(true);
    expect(english).toContain('Lever: Develop cooperation between local authorities');
    const md = await animateur.request('GET', `/api/sessions/${sessionId}/minutes/export?format=md&lang=en&tz=Europe/London`);
    expect(md.body).toContain('- Scheduled for 3 March 2026 at 17:00');
  });

  it('refuses a time zone that does not exist, naming it', async () => {
    const response = await animateur.request('GET', `/api/sessions/${sessionId}/minutes/export?format=docx&tz=Mars/Olympus`);
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toContain('tz');
  });
});
