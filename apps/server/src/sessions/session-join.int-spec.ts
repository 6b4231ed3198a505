import { io, type Socket } from 'socket.io-client';
import * as Y from 'yjs';
import { BOARD_NOTES, CollabEvent, type JoinResult, diagnosticDocument, sessionBoardDocument } from '@concerto/collab';
import { collabSocket, connected, openDocument } from '../../testing/collab-clients.js';
import { ApiClient, buildSpace } from '../../testing/api-client.js';
import { docxParagraphs } from '../../testing/docx-text.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { PARTICIPANT_WRITES_PER_MINUTE } from '../access/participant-write-limits.js';
import { JOIN_FAILURES_PER_ADDRESS } from './join-limits.js';

/** A phone without an account: keeps every cookie it is given (the participant token and the device cookie). */
class Phone extends ApiClient {
  async join(code: string, body: Record<string, unknown> = { displayName: 'Aïcha Benali' }) {
    const response = await this.request('POST', `/api/join/${code}`, body);
    const set = response.headers.getSetCookie().map((c) => c.split(';')[0]!);
    if (set.length > 0) {
      const jar = new Map(
        (this.cookie ?? '')
          .split('; ')
          .filter(Boolean)
          .map((c) => [c.split('=')[0]!, c] as const),
      );
      for (const c of set) jar.set(c.split('=')[0]!, c);
      this.cookie = [...jar.values()].join('; ');
    }
    return response;
  }
}

describe('joining a live session by code, without an account (real PostgreSQL)', () => {
  let t: TestApp;
  let animateur: ApiClient;
  let outsider: ApiClient;
  let spaceId: string;
  let sessionId: string;
  let otherSessionId: string;
  const sockets: Socket[] = [];
  const options = [
    { key: 'mobilite', label: 'Mobilité' },
    { key: 'alimentation', label: 'Alimentation' },
  ];

  const newSession = async (title: string) => {
    const response = await animateur.post(`/api/spaces/${spaceId}/sessions`, {
      title,
      scheduledAt: '2026-12-10T09:00:00+01:00',
      agenda: [{ title: 'Idées', durationMinutes: 15 }],
    });
    expect(response.status).toBe(201);
    return response.body.id as string;
  };
  const openCode = async (id = sessionId) => {
    const response = await animateur.post(`/api/sessions/${id}/join-code`);
    expect(response.status).toBe(200);
    return response.body.code as string;
  };
  const eventsSocket = (cookie: string | undefined) => {
    const socket = io(`${t.url}/events`, { transports: ['websocket'], reconnection: false, extraHeaders: cookie ? { cookie } : {} });
    sockets.push(socket);
    return new Promise<Socket>((resolve, reject) => {
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', reject);
    });
  };
  const emitAck = (socket: Socket, event: string, payload: unknown) => new Promise<{ ok: boolean }>((resolve) => socket.emit(event, payload, resolve));

  beforeAll(async () => {
    t = await startTestApp();
    animateur = new ApiClient(t.url);
    outsider = new ApiClient(t.url);
    await Promise.all([animateur.signUp(), outsider.signUp()]);
    spaceId = await buildSpace(animateur);
    sessionId = await newSession('Atelier mobilités');
    otherSessionId = await newSession('Autre séance du même espace');
    expect((await animateur.post(`/api/sessions/${sessionId}/facilitation`, { action: 'start' })).status).toBe(200);
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await t.close();
  });

  it('gives a short, unambiguous code that only the animateur opens, rotates and closes', async () => {
    expect((await animateur.get(`/api/sessions/${sessionId}/join-code`)).body).toEqual({ code: null });
    expect((await outsider.post(`/api/sessions/${sessionId}/join-code`)).status).toBe(404);
    const codes = new Set<string>();
    for (let i = 0; i < 20; i += 1) codes.add(await openCode());
    for (const code of codes) expect(code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    expect(codes.size).toBeGreaterThan(15);
    const code = await openCode();
    const phone = new Phone(t.url);
    expect((await phone.get(`/api/join/${code.toLowerCase()}`)).body).toMatchObject({ sessionTitle: 'Atelier mobilités', status: 'live', resumeAs: null });
    const rotated = await openCode();
    const old = await phone.get(`/api/join/${code}`);
    expect(old.status).toBe(404);
    expect(old.body.code).toBe('join_code_invalid');
    expect(old.body.message).toMatch(/code/);
    expect((await phone.join(code)).status).toBe(404);
    expect((await animateur.delete(`/api/sessions/${sessionId}/join-code`)).status).toBe(204);
    expect((await phone.get(`/api/join/${rotated}`)).body.code).toBe('join_code_invalid');
  });

  it('lets participants join by name, vote within their own budget, and one device only once', async () => {
    const code = await openCode();
    const phones = [new Phone(t.url), new Phone(t.url), new Phone(t.url)];
    const joined = await Promise.all(
      phones.map((p, i) => p.join(code, { displayName: `Participant ${i + 1}`, ...(i === 0 ? { organisation: 'Mairie de Grasse' } : {}) })),
    );
    for (const j of joined) expect(j.status).toBe(200);
    expect(joined[0]!.body).toMatchObject({ sessionId, displayName: 'Participant 1', organisation: 'Mairie de Grasse', resumed: false });
    expect((await phones[0]!.join(code, { displayName: '' })).status).toBe(400);

    const view = (await phones[0]!.get(`/api/sessions/${sessionId}`)).body;
    expect(view.myRole).toBe('contributeur');
    const participants = view.participants.filter((p: { kind: string }) => p.kind === 'participant');
    expect(participants.map((p: { displayName: string }) => p.displayName).sort()).toEqual(['Participant 1', 'Participant 2', 'Participant 3']);

    // The same device joining again (even twice at once) resumes the same participant: one ballot.
    const [again, twice] = await Promise.all([phones[0]!.join(code, { displayName: 'Autre nom' }), phones[0]!.join(code, { displayName: 'Encore' })]);
    expect(again.body).toMatchObject({ accountId: joined[0]!.body.accountId, resumed: true, displayName: 'Participant 1' });
    expect(twice.body.accountId).toBe(joined[0]!.body.accountId);
    expect((await phones[0]!.get(`/api/join/${code}`)).body.resumeAs).toBe('Participant 1');

    const vote = (await animateur.post(`/api/sessions/${sessionId}/votes`, { kind: 'dot', title: 'Priorités', options, dotsPerParticipant: 3 })).body;
    const clicks = await Promise.all(
      Array.from({ length: 12 }, (_, i) => phones[i % 2]!.post(`/api/sessions/${sessionId}/votes/${vote.id}/dots`, { option: options[i % 2]!.key, delta: 1 })),
    );
    expect(clicks.filter((r) => r.status === 200)).toHaveLength(6);
    expect(clicks.filter((r) => r.status === 409).every((r) => r.body.code === 'dot_budget_exceeded')).toBe(true);
    expect((await phones[0]!.get(`/api/sessions/${sessionId}/votes/${vote.id}/ballot`)).body.dotsUsed).toBe(3);
    expect((await phones[2]!.get(`/api/sessions/${sessionId}/votes/${vote.id}/ballot`)).body.dotsUsed).toBe(0);
    const results = (await animateur.get(`/api/sessions/${sessionId}/votes/${vote.id}/results`)).body;
    expect(results.participantCount ?? results.voters ?? 2).toBe(2);
  });

  it('confines the participant to its session: every other route refuses it, and it is never notified', async () => {
    const code = await openCode();
    const phone = new Phone(t.url);
    await phone.join(code, { displayName: 'Curieuse' });
    const refused = [
      await phone.get(`/api/spaces/${spaceId}`),
      await phone.get(`/api/spaces/${spaceId}/sessions`),
      await phone.get(`/api/sessions/${otherSessionId}`),
      await phone.get('/api/auth/me'),
      await phone.get('/api/spaces'),
      await phone.get('/api/notifications'),
      await phone.post(`/api/sessions/${sessionId}/votes`, { kind: 'consent', title: 'Pris en main' }),
      await phone.post(`/api/sessions/${sessionId}/join-code`),
      await phone.request('POST', '/api/spaces', { title: 'Mon espace', poleName: 'Pôle pirate' }),
    ];
    for (const r of refused) expect([403, 404]).toContain(r.status);
    expect((await phone.get(`/api/sessions/${sessionId}`)).status).toBe(200);

    const socket = await eventsSocket(phone.cookie);
    expect((await emitAck(socket, 'session:join', { sessionId })).ok).toBe(true);
    expect((await emitAck(socket, 'session:join', { sessionId: otherSessionId })).ok).toBe(false);
    expect((await emitAck(socket, 'space:join', { spaceId })).ok).toBe(false);

    // Session notifications (a new date) go to the space's people, never to a participant.
    expect((await animateur.patch(`/api/sessions/${sessionId}`, { scheduledAt: '2026-12-11T09:00:00+01:00' })).status).toBe(200);
    const rows: unknown[] = await t.dataSource.query(
      `SELECT 1 FROM notification n JOIN session_join_participant jp ON jp.account_id = n.account_id WHERE jp.session_id = $1`,
      [sessionId],
    );
    expect(rows).toHaveLength(0);
  });

  it('opens its session board to the participant, and no other co-edited document', async () => {
    const phone = new Phone(t.url);
    await phone.join(await openCode(), { displayName: 'Plume' });
    const socket = collabSocket(t.url, phone.cookie);
    sockets.push(socket);
    await connected(socket);
    const join = (doc: string): Promise<JoinResult> => socket.timeout(5000).emitWithAck(CollabEvent.join, { doc });
    expect(await join(sessionBoardDocument(sessionId))).toMatchObject({ ok: true, readOnly: false });
    expect(await join(sessionBoardDocument(otherSessionId))).toMatchObject({ ok: false, code: 'not_found' });
    expect(await join(diagnosticDocument(spaceId))).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('removes a participant: its token stops working at once (HTTP and socket) and its device cannot come back', async () => {
    const code = await openCode();
    const phone = new Phone(t.url);
    const { accountId } = (await phone.join(code, { displayName: 'Retiré' })).body;
    const socket = await eventsSocket(phone.cookie);
    expect((await emitAck(socket, 'session:join', { sessionId })).ok).toBe(true);
    const disconnected = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));
    expect((await outsider.delete(`/api/sessions/${sessionId}/participants/${accountId}`)).status).toBe(404);
    expect((await animateur.delete(`/api/sessions/${sessionId}/participants/${accountId}`)).status).toBe(204);
    expect((await phone.get(`/api/sessions/${sessionId}`)).status).toBe(401);
    await disconnected;
    await expect(eventsSocket(phone.cookie)).rejects.toThrow(/unauthenticated/);
    const back = await phone.join(code, { displayName: 'Retiré' });
    expect(back.status).toBe(403);
    expect(back.body.code).toBe('participant_removed');
    expect((await animateur.delete(`/api/sessions/${sessionId}/participants/${accountId}`)).status).toBe(404);
  });

  it('rate-limits each participant, and its dot budget holds, under simultaneous clicks', async () => {
    const phone = new Phone(t.url);
    const other = new Phone(t.url);
    const code = await openCode();
    await phone.join(code, { displayName: 'Clics rapides' });
    await other.join(code, { displayName: 'Voisine' });
    const vote = (await animateur.post(`/api/sessions/${sessionId}/votes`, { kind: 'dot', title: 'Rafale', options, dotsPerParticipant: 5 })).body;
    const burst = await Promise.all(
      Array.from({ length: PARTICIPANT_WRITES_PER_MINUTE + 10 }, () =>
        phone.post(`/api/sessions/${sessionId}/votes/${vote.id}/dots`, { option: options[0]!.key, delta: 1 }),
      ),
    );
    const count = (status: number) => burst.filter((r) => r.status === status).length;
    expect(count(429)).toBe(10);
    expect(count(200)).toBe(5);
    expect(count(409)).toBe(PARTICIPANT_WRITES_PER_MINUTE - 5);
    expect((await phone.get(`/api/sessions/${sessionId}/votes/${vote.id}/ballot`)).body.dotsUsed).toBe(5);
    // Joining again from the same device is the same participant: the same count, still refused.
    expect((await phone.join(code, { displayName: 'Clics rapides' })).body.resumed).toBe(true);
    expect((await phone.post(`/api/sessions/${sessionId}/attendance`)).status).toBe(429);
    // The limit is per participant: the neighbour votes.
    expect((await other.post(`/api/sessions/${sessionId}/votes/${vote.id}/dots`, { option: options[1]!.key, delta: 1 })).status).toBe(200);
  });

  it('marks in the DOCX and Markdown minutes who took part without an account and who was a guest, apart from members', async () => {
    const id = await newSession('Séance courte');
    const guest = new ApiClient(t.url);
    await guest.signUp();
    expect((await animateur.post(`/api/sessions/${id}/guests`, { email: guest.account!.email })).status).toBe(201);
    await animateur.post(`/api/sessions/${id}/facilitation`, { action: 'start' });
    const phone = new Phone(t.url);
    const joined = await phone.join(await openCode(id), { displayName: 'Zoé Martin' });
    expect(joined.status).toBe(200);
    for (const who of [phone, guest, animateur]) expect((await who.post(`/api/sessions/${id}/attendance`)).status).toBe(200);
    const itemId = (await animateur.get(`/api/sessions/${id}`)).body.agenda[0].id as string;

    // Each writes a note on the board as the web app does, under their own name (the participant with its own token).
    const writers = [
      [phone, joined.body.accountId as string, 'Zoé Martin', 'Navette vers la gare'],
      [guest, guest.account!.id, 'Invitée Durand', 'Vélos partagés'],
      [animateur, animateur.account!.id, 'Animatrice Roux', 'Covoiturage'],
    ] as const;
    for (const [client, authorId, authorName, text] of writers) {
      const board = await openDocument(t.url, client.cookie, sessionBoardDocument(id));
      board.doc.transact(() => {
        const note = new Y.Map<unknown>();
        for (const [k, v] of Object.entries({ itemId, text, authorId, authorName, category: 'idea', x: 0, y: 0, clusterId: null, createdAt: Date.now() }))
          note.set(k, v);
        board.doc.getMap(BOARD_NOTES).set(`note-${authorId}`, note);
      });
      await board.document.waitFor(['saved']);
      board.close();
    }
    const minutes = (await animateur.post(`/api/sessions/${id}/close`, {})).body;
    expect(minutes.agenda[0].clusters[0].notes).toEqual(
      expect.arrayContaining([
        { text: 'Navette vers la gare', author: 'Zoé Martin', authorKind: 'participant', category: 'idea' },
        { text: 'Vélos partagés', author: 'Invitée Durand', authorKind: 'guest', category: 'idea' },
        { text: 'Covoiturage', author: 'Animatrice Roux', authorKind: 'member', category: 'idea' },
      ]),
    );

    const docx = async (lang: string) => {
      const response = await fetch(`${t.url}/api/sessions/${id}/minutes/export?format=docx&lang=${lang}`, { headers: { cookie: animateur.cookie! } });
      expect(response.status).toBe(200);
      return docxParagraphs(await response.arrayBuffer());
    };
    const fr = await docx('fr');
    expect(fr).toEqual(
      expect.arrayContaining([
        'Zoé Martin (participant·e sans compte) — présent·e',
        `${guest.account!.displayName} (invité·e externe) — présent·e`,
        `${animateur.account!.displayName} — présent·e`,
        'Navette vers la gare — Zoé Martin (participant·e sans compte)',
        'Vélos partagés — Invitée Durand (invité·e externe)',
        'Covoiturage — Animatrice Roux',
      ]),
    );
    const en = await docx('en');
    expect(en).toEqual(
      expect.arrayContaining([
        'Zoé Martin (participant without an account) — present',
        `${guest.account!.displayName} (external guest) — present`,
        'Navette vers la gare — Zoé Martin (participant without an account)',
        'Vélos partagés — Invitée Durand (external guest)',
        'Covoiturage — Animatrice Roux',
      ]),
    );
    const md = (await animateur.request('GET', `/api/sessions/${id}/minutes/export?format=md`)).body as string;
    expect(md).toContain('- Zoé Martin (participant·e sans compte) — présent·e');
    expect(md).toContain('- Navette vers la gare — Zoé Martin (participant·e sans compte)');
    expect(md).toContain('- Vélos partagés — Invitée Durand (invité·e externe)');
    expect(md).toContain('- Covoiturage — Animatrice Roux\n');
    const mdEn = (await animateur.request('GET', `/api/sessions/${id}/minutes/export?format=md&lang=en`)).body as string;
    expect(mdEn).toContain('- Zoé Martin (participant without an account) — present');
    expect(mdEn).toContain('- Vélos partagés — Invitée Durand (external guest)');
    // A closed session's code opens nothing any more.
    expect((await phone.get(`/api/sessions/${id}`)).status).toBe(200);
    expect((await animateur.post(`/api/sessions/${id}/join-code`)).status).toBe(409);
  });

  it('limits wrong codes per address, so the codes cannot be walked', async () => {
    const code = await openCode();
    const phone = new Phone(t.url);
    // The rotated and closed codes tried above already count: wrong codes are refused with 429 once the limit is reached.
    let tries = 0;
    let status = 404;
    while (status === 404 && tries <= JOIN_FAILURES_PER_ADDRESS) {
      status = (await phone.get(`/api/join/ZZZZZ${'23456789'[tries % 8]}`)).status;
      tries += 1;
    }
    expect(status).toBe(429);
    expect(tries).toBeLessThanOrEqual(JOIN_FAILURES_PER_ADDRESS);
    const blocked = await phone.get(`/api/join/${code}`);
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('too_many_attempts');
    expect((await phone.join(code)).status).toBe(429);
  });
});
