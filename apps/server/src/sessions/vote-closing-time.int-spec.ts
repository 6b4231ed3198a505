import { ApiClient, addMember, buildSpace } from '../../testing/api-client.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { SessionReminders } from './session-reminders.js';

const HOUR = 3600_000;

/**
 * A vote's closing time: given when the vote is opened (in the future, else a 400 naming `closesAt`), shown in every
 * vote view, ballots refused from then on (409 `vote_closed`), and « Le vote se ferme bientôt » reminded once, within
 * 24 hours of it, to those who may still vote and have not.
 */
describe('a vote closing time (real PostgreSQL)', () => {
  let t: TestApp;
  let animateur: ApiClient;
  let contributeur: ApiClient;
  let voted: ApiClient;
  let observateur: ApiClient;
  let guest: ApiClient;
  let outsider: ApiClient;
  let spaceId: string;
  let sessionId: string;

  const options = [
    { key: 'a', label: 'Lieu partagé' },
    { key: 'b', label: 'Plateforme' },
  ];
  const openVote = (body: Record<string, unknown>) =>
    animateur.post(`/api/sessions/${sessionId}/votes`, { kind: 'score', title: 'Faisabilité', options, ...body });
  const ballot = (client: ApiClient, voteId: string) =>
    client.request('PUT', `/api/sessions/${sessionId}/votes/${voteId}/ballot`, { kind: 'score', scores: { a: 4, b: 2 } });
  const reminded = async (voteId: string): Promise<string[]> => {
    const rows: { account_id: string }[] = await t.dataSource.query(`SELECT account_id FROM notification WHERE kind = 'vote_closing_soon' AND link LIKE $1`, [
      `%#vote-${voteId}`,
    ]);
    return rows.map((r) => r.account_id).sort();
  };
  const idOf = (client: ApiClient) => client.account!.id;

  beforeAll(async () => {
    t = await startTestApp();
    [animateur, contributeur, voted, observateur, guest, outsider] = Array.from({ length: 6 }, () => new ApiClient(t.url));
    for (const client of [animateur, contributeur, voted, observateur, guest, outsider]) await client.signUp();
    spaceId = await buildSpace(animateur);
    await addMember(animateur, spaceId, contributeur, 'contributeur');
    await addMember(animateur, spaceId, voted, 'contributeur');
    await addMember(animateur, spaceId, observateur, 'observateur');
    const session = await animateur.post(`/api/spaces/${spaceId}/sessions`, {
      title: 'Séance à distance',
      scheduledAt: new Date(Date.now() + 2 * HOUR).toISOString(),
      agenda: [{ title: 'Vote', durationMinutes: 30 }],
    });
    expect(session.status).toBe(201);
    sessionId = session.body.id;
    expect((await animateur.post(`/api/sessions/${sessionId}/guests`, { email: guest.account!.email })).status).toBe(201);
    expect((await animateur.post(`/api/sessions/${sessionId}/facilitation`, { action: 'start' })).status).toBe(200);
  });
  afterAll(() => t.close());

  it('refuses a closing time in the past or malformed, naming closesAt, and opens nothing', async () => {
    const past = await openVote({ closesAt: new Date(Date.now() - HOUR).toISOString() });
    expect(past.status).toBe(400);
    expect(JSON.stringify(past.body)).toContain('closesAt');
    const malformed = await openVote({ closesAt: 'demain soir' });
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(malformed.body)).toContain('closesAt');
    expect((await animateur.get(`/api/sessions/${sessionId}/votes`)).body).toEqual([]);
  });

  it('shows the closing time to voters, and refuses ballots once it has passed (the vote reads closed, at that time)', async () => {
    const closesAt = new Date(Date.now() + 3 * HOUR);
    const vote = await openVote({ closesAt: closesAt.toISOString() });
    expect(vote.status).toBe(201);
    expect(vote.body).toMatchObject({ status: 'open', closesAt: closesAt.toISOString(), closedAt: null });
    const seen = (await guest.get(`/api/sessions/${sessionId}/votes`)).body.find((v: { id: string }) => v.id === vote.body.id);
    expect(seen).toMatchObject({ status: 'open', closesAt: closesAt.toISOString() });
    expect((await ballot(contributeur, vote.body.id)).status).toBe(200);

    // The closing time passes (moved into the past in the database: the clock is not waited for).
    await t.dataSource.query(`UPDATE vote SET opened_at = now() - interval '2 hours', closes_at = now() - interval '1 minute' WHERE id = $1`, [vote.body.id]);
    const refused = await ballot(guest, vote.body.id);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('vote_closed');
    expect((await contributeur.request('POST', `/api/sessions/${sessionId}/votes/${vote.body.id}/dots`, { option: 'a', delta: 1 })).status).toBe(409);
    const after = (await guest.get(`/api/sessions/${sessionId}/votes`)).body.find((v: { id: string }) => v.id === vote.body.id);
    const [{ closes_at }]: { closes_at: Date }[] = await t.dataSource.query(`SELECT closes_at FROM vote WHERE id = $1`, [vote.body.id]);
    expect(after).toMatchObject({ status: 'closed', closedAt: closes_at.toISOString() });
    // Closed by time, its ballots stand: the contributrice's ballot is counted, the guest's refused one is not.
    expect(after.results.voters).toBe(1);
  });

  it('reminds « vote closing soon » once, within 24 hours of it, to those who may vote and have not voted', async () => {
    const now = new Date();
    const soon = (await openVote({ title: 'Priorité de l’année', closesAt: new Date(now.getTime() + 20 * HOUR).toISOString() })).body;
    const later = (await openVote({ title: 'Calendrier', closesAt: new Date(now.getTime() + 40 * HOUR).toISOString() })).body;
    const none = (await openVote({ title: 'Sans heure de fermeture' })).body;
    expect((await ballot(voted, soon.id)).status).toBe(200);

    const reminders = t.app.get(SessionReminders);
    expect(await reminders.tick(now)).toBe(true);
    await reminders.tick(now);
    // Contributeurs and guests who may vote, not the observateur, not who already voted, not the outsider; the
    // animatrice may vote too (a reminder has no actor).
    expect(await reminded(soon.id)).toEqual([idOf(animateur), idOf(contributeur), idOf(guest)].sort());
    expect(await reminded(later.id)).toEqual([]);
    expect(await reminded(none.id)).toEqual([]);
    const [row]: { link: string; params: Record<string, string> }[] = await t.dataSource.query(
      `SELECT link, params FROM notification WHERE kind = 'vote_closing_soon' AND account_id = $1`,
      [idOf(guest)],
    );
    expect(row).toMatchObject({ link: `/seances/${sessionId}#vote-${soon.id}`, params: { vote: 'Priorité de l’année', closesAt: soon.closesAt } });

    // The guest votes, the later vote comes within 24 hours: only the later one is reminded, to whoever has not voted.
    expect((await ballot(guest, later.id)).status).toBe(200);
    await reminders.tick(new Date(now.getTime() + 18 * HOUR));
    expect(await reminded(soon.id)).toEqual([idOf(animateur), idOf(contributeur), idOf(guest)].sort());
    expect(await reminded(later.id)).toEqual([idOf(animateur), idOf(contributeur), idOf(voted)].sort());

    // A closed vote is not reminded.
    const closed = (await openVote({ title: 'Clos à la main', closesAt: new Date(now.getTime() + 5 * HOUR).toISOString() })).body;
    expect((await animateur.post(`/api/sessions/${sessionId}/votes/${closed.id}/close`)).status).toBe(200);
    await reminders.tick(now);
    expect(await reminded(closed.id)).toEqual([]);
  });
});
