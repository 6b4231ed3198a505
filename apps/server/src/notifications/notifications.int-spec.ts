import type { Socket } from 'socket.io-client';
import { ApiClient, addMember, buildSpace } from '../../testing/api-client.js';
import { NotificationSockets } from '../../testing/notification-sockets.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import type { NotificationEvent } from './notification-event.js';
import { NotificationPreferencesService } from './notification-preferences.service.js';
import { NotificationsService } from './notifications.service.js';

describe('notifications (real PostgreSQL, real socket.io clients)', () => {
  let t: TestApp;
  let service: NotificationsService;
  let preferences: NotificationPreferencesService;
  let animateur: ApiClient;
  let member: ApiClient;
  let observateur: ApiClient;
  let outsider: ApiClient;
  let guest: ApiClient;
  let spaceId: string;
  let otherSpaceId: string;
  let sessionId: string;
  let sockets: NotificationSockets;

  beforeAll(async () => {
    t = await startTestApp();
    sockets = new NotificationSockets(t.url);
    service = t.app.get(NotificationsService);
    preferences = t.app.get(NotificationPreferencesService);
    [animateur, member, observateur, outsider, guest] = Array.from({ length: 5 }, () => new ApiClient(t.url));
    await animateur.signUp({ displayName: 'Anne Animatrice' });
    await member.signUp({ displayName: 'Bruno Membre' });
    await observateur.signUp({ displayName: 'Odile Observe' });
    await outsider.signUp({ displayName: 'Olga Dehors' });
    await guest.signUp({ displayName: 'Gaston Invité' });
    spaceId = await buildSpace(animateur, { title: 'Pôle Vallée' });
    otherSpaceId = await buildSpace(animateur, { title: 'Autre pôle', poleName: 'Autre' });
    await addMember(animateur, spaceId, member, 'contributeur');
    await addMember(animateur, spaceId, observateur, 'observateur');
    const session = await animateur.post(`/api/spaces/${spaceId}/sessions`, { title: 'Séance de printemps', scheduledAt: '2026-12-10T09:00:00Z' });
    sessionId = session.body.id;
    expect((await animateur.post(`/api/sessions/${sessionId}/guests`, { email: guest.account!.email })).status).toBe(201);
  });
  afterAll(async () => {
    sockets.close();
    await t.close();
  });

  const idOf = (client: ApiClient) => client.account!.id;
  const rowsOf = async (client: ApiClient, kind?: string) =>
    (await t.dataSource.query(
      `SELECT kind, channel, params, link, space_id, session_id FROM notification WHERE account_id = $1 AND ($2::text IS NULL OR kind = $2) ORDER BY created_at`,
      [idOf(client), kind ?? null],
    )) as { kind: string; channel: string; params: Record<string, string>; link: string; space_id: string; session_id: string | null }[];
  const event = (overrides: Partial<NotificationEvent>): NotificationEvent => ({
    kind: 'comment_mention',
    spaceId,
    actorAccountId: idOf(animateur),
    recipients: [],
    place: { kind: 'space' },
    link: `/espaces/${spaceId}/diagnostic#commentaire-1`,
    params: {},
    ...overrides,
  });

  const connect = (client: ApiClient) => sockets.connect(client);
  const collect = (socket: Socket) => sockets.collect(socket);

  it('writes one row per recipient the policy lets see the space, never the actor nor an outsider', async () => {
    const written = await service.notify(
      event({ recipients: [idOf(member), idOf(outsider), idOf(animateur), idOf(member), idOf(guest)], params: { excerpt: 'Bonjour @Bruno' } }),
    );
    expect(written).toBe(1);
    expect(await rowsOf(member, 'comment_mention')).toEqual([
      {
        kind: 'comment_mention',
        channel: 'mail',
        link: `/espaces/${spaceId}/diagnostic#commentaire-1`,
        params: { excerpt: 'Bonjour @Bruno', space: 'Pôle Vallée', actor: 'Anne Animatrice' },
        space_id: spaceId,
        session_id: null,
      },
    ]);
    // The session's guest does not see the space itself.
    for (const client of [outsider, animateur, guest]) expect(await rowsOf(client, 'comment_mention')).toEqual([]);
  });

  it("queues one mail per notification by mail, in the recipient's language, with a one-click link that turns off that kind in that space", async () => {
    const mails = (await t.dataSource.query(
      `SELECT m.to_address, m.locale, m.template, m.subject, m.text_body, m.html_body, m.headers, n.mailed_at IS NOT NULL AS mailed
         FROM mail_message m JOIN notification n ON n.id = m.reference_id WHERE m.reference_kind = 'notification' AND n.account_id = $1 AND n.kind = 'comment_mention'`,
      [idOf(member)],
    )) as {
      to_address: string;
      locale: string;
      template: string;
      subject: string;
      text_body: string;
      html_body: string;
      headers: Record<string, string>;
      mailed: boolean;
    }[];
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail).toMatchObject({
      to_address: member.account!.email,
      locale: 'fr',
      template: 'notification',
      subject: 'Mention dans un commentaire · Pôle Vallée',
      mailed: true,
    });
    expect(mail.text_body).toContain('Anne Animatrice vous mentionne dans un commentaire');
    expect(mail.text_body).toContain(`/espaces/${spaceId}/diagnostic#commentaire-1`);
    const unsubscribe = /<(http[^>]+\/unsubscribe\/[^>]+)>/.exec(mail.headers['List-Unsubscribe'])![1];
    expect(mail.html_body).toContain(unsubscribe);
    const page = await fetch(unsubscribe.replace(/^https?:\/\/[^/]+/, t.url));
    expect(await page.text()).toContain('Mention dans un commentaire, dans l’espace « Pôle Vallée »');
    // Hostile words stay inert in the HTML.
    const hostile = new ApiClient(t.url);
    await hostile.signUp({ displayName: '<img src=x onerror=alert(1)>' });
    await addMember(animateur, spaceId, hostile, 'contributeur');
    await service.notify(event({ actorAccountId: idOf(hostile), recipients: [idOf(member)], params: { excerpt: '<script>alert(2)</script>' } }));
    const html = (
      await t.dataSource.query(`SELECT html_body FROM mail_message WHERE to_address = $1 ORDER BY created_at DESC LIMIT 1`, [member.account!.email])
    )[0].html_body as string;
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<script>');
  });

  it("lets a session's guests and the space's members see a session's notification, and nobody else", async () => {
    const written = await service.notify(
      event({
        kind: 'session_scheduled',
        recipients: [idOf(member), idOf(guest), idOf(outsider)],
        place: { kind: 'session', sessionId },
        link: `/seances/${sessionId}`,
        params: { title: 'Séance de printemps' },
      }),
    );
    expect(written).toBe(2);
    expect((await rowsOf(guest, 'session_scheduled')).map((r) => [r.channel, r.session_id])).toEqual([['digest', sessionId]]);
    expect(await rowsOf(outsider)).toEqual([]);
    // A session named with another space is not a place of this space: nobody is notified.
    expect(await service.notify(event({ spaceId: otherSpaceId, recipients: [idOf(guest)], place: { kind: 'session', sessionId } }))).toBe(0);
  });

  it('applies preferences: a space override beats the choice for all spaces, which beats the default; off writes nothing', async () => {
    const put = await observateur.request('PUT', '/api/notifications/preferences', {
      preferences: [
        { kind: 'vote_opened', spaceId: null, channel: 'off' },
        { kind: 'decision_recorded', spaceId: null, channel: 'mail' },
        { kind: 'decision_recorded', spaceId, channel: 'in_app' },
        { kind: 'milestone_due', spaceId: otherSpaceId, channel: 'off' },
      ],
    });
    expect(put.status).toBe(404);
    const ok = await observateur.request('PUT', '/api/notifications/preferences', {
      digest: 'daily',
      preferences: [
        { kind: 'vote_opened', spaceId: null, channel: 'off' },
        { kind: 'decision_recorded', spaceId: null, channel: 'mail' },
        { kind: 'decision_recorded', spaceId, channel: 'in_app' },
        { kind: 'project_stage_changed', spaceId: null, channel: 'mail' },
      ],
    });
    expect(ok.status).toBe(200);
    expect(ok.body.digest).toBe('daily');
    expect(ok.body.preferences).toHaveLength(4);
    for (const kind of ['vote_opened', 'decision_recorded', 'project_stage_changed', 'funding_changed'] as const) {
      await service.notify(event({ kind, recipients: [idOf(observateur)] }));
    }
    const tried = ['vote_opened', 'decision_recorded', 'project_stage_changed', 'funding_changed'];
    const channels = Object.fromEntries((await rowsOf(observateur)).filter((r) => tried.includes(r.kind)).map((r) => [r.kind, r.channel]));
    expect(channels).toEqual({ decision_recorded: 'in_app', project_stage_changed: 'mail', funding_changed: 'digest' });

    // Resetting the space's override falls back to the choice for all spaces.
    const reset = await observateur.request('PUT', '/api/notifications/preferences', { reset: [{ kind: 'decision_recorded', spaceId }] });
    expect(reset.body.preferences).toHaveLength(3);
    await service.notify(event({ kind: 'decision_recorded', recipients: [idOf(observateur)], dedupeKey: 'decision:2' }));
    expect((await rowsOf(observateur, 'decision_recorded')).map((r) => r.channel)).toEqual(['in_app', 'mail']);

    expect(
      (await observateur.request('PUT', '/api/notifications/preferences', { preferences: [{ kind: 'nope', spaceId: null, channel: 'off' }] })).status,
    ).toBe(400);
    expect((await observateur.request('PUT', '/api/notifications/preferences', { digest: 'hourly' })).status).toBe(400);
  });

  it('notifies once per recipient and dedupe key', async () => {
    const again = event({ kind: 'session_starting_soon', recipients: [idOf(member)], dedupeKey: 'session_starting_soon:s1:2026-12-10' });
    expect(await service.notify(again)).toBe(1);
    expect(await service.notify(again)).toBe(0);
    expect(await rowsOf(member, 'session_starting_soon')).toHaveLength(1);
  });

  it("writes in the producer's transaction: a rollback notifies nobody and pushes nothing", async () => {
    const socket = await connect(member);
    const notices = collect(socket);
    await expect(
      t.dataSource.transaction(async (tx) => {
        expect(await service.notify(event({ kind: 'milestone_late', recipients: [idOf(member)], db: tx }))).toBe(1);
        throw new Error('the change fails');
      }),
    ).rejects.toThrow('the change fails');
    expect(await rowsOf(member, 'milestone_late')).toEqual([]);
    await t.dataSource.transaction((tx) => service.notify(event({ kind: 'milestone_due', recipients: [idOf(member)], db: tx })));
    await waitFor(() => notices.length === 1);
    expect(notices[0].id).toBeDefined();
    expect(notices[0].unread).toBe((await member.get('/api/notifications/unread')).body.unread);
  });

  it('pushes the live notice to the recipient only, with its unread count, on all its sockets', async () => {
    const [a, b, other, actor] = await Promise.all([connect(member), connect(member), connect(observateur), connect(animateur)]);
    const [onA, onB, onOther, onActor] = [a, b, other, actor].map(collect);
    const before = (await member.get('/api/notifications/unread')).body.unread as number;
    await service.notify(event({ kind: 'comment_reply', recipients: [idOf(member), idOf(outsider)] }));
    await waitFor(() => onA.length === 1 && onB.length === 1);
    expect(onA[0].unread).toBe(before + 1);
    expect(onB[0]).toEqual(onA[0]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(onOther).toEqual([]);
    expect(onActor).toEqual([]);
  });

  it('serves the feed newest first, paged, marks read (some, then all) and tells the other tabs', async () => {
    const reader = new ApiClient(t.url);
    await reader.signUp({ displayName: 'Rita Lectrice' });
    await addMember(animateur, spaceId, reader, 'contributeur');
    // Joining notified them (space_joined): start from a feed all read, that stays out of this test's pages.
    await reader.post('/api/notifications/read', { all: true });
    await t.dataSource.query(`DELETE FROM notification WHERE account_id = $1`, [idOf(reader)]);
    for (let i = 0; i < 5; i++) await service.notify(event({ kind: 'comment_on_your_content', recipients: [idOf(reader)], params: { title: `Texte ${i}` } }));
    const first = await reader.get('/api/notifications?limit=3');
    expect(first.status).toBe(200);
    expect(first.body.items.map((n: { params: { title: string } }) => n.params.title)).toEqual(['Texte 4', 'Texte 3', 'Texte 2']);
    expect(first.body.unread).toBe(5);
    expect(first.body.items[0]).toMatchObject({ kind: 'comment_on_your_content', spaceId, spaceName: 'Pôle Vallée', readAt: null });
    const second = await reader.get(`/api/notifications?limit=3&before=${first.body.nextBefore}`);
    expect(second.body.items.map((n: { params: { title: string } }) => n.params.title)).toEqual(['Texte 1', 'Texte 0']);
    expect(second.body.nextBefore).toBeNull();

    const socket = await connect(reader);
    const notices = collect(socket);
    const some = await reader.post('/api/notifications/read', { ids: [first.body.items[0].id, second.body.items[0].id] });
    expect(some.body).toEqual({ unread: 3 });
    // Another account's ids are not its to mark.
    await outsider.post('/api/notifications/read', { ids: [first.body.items[1].id] });
    expect((await reader.get('/api/notifications/unread')).body).toEqual({ unread: 3 });
    expect((await reader.post('/api/notifications/read', { all: true })).body).toEqual({ unread: 0 });
    await waitFor(() => notices.length === 2);
    expect(notices.map((n) => n.unread)).toEqual([3, 0]);

    expect((await reader.post('/api/notifications/read', { ids: [] })).status).toBe(400);
    expect((await reader.post('/api/notifications/read', { all: false })).status).toBe(400);
    expect((await reader.get('/api/notifications?before=pas-un-uuid')).status).toBe(400);
    expect((await new ApiClient(t.url).get('/api/notifications')).status).toBe(401);
  });

  it("removal from a space deletes the account's unread notifications about it, and the feed hides the rest", async () => {
    const leaving = new ApiClient(t.url);
    await leaving.signUp({ displayName: 'Louis Partant' });
    await addMember(animateur, spaceId, leaving, 'contributeur');
    await addMember(animateur, otherSpaceId, leaving, 'contributeur');
    await t.dataSource.query(`DELETE FROM notification WHERE account_id = $1`, [idOf(leaving)]);
    await service.notify(event({ kind: 'comment_reply', recipients: [idOf(leaving)], params: { title: 'lu' } }));
    const read = (await leaving.get('/api/notifications')).body.items[0].id as string;
    await leaving.post('/api/notifications/read', { ids: [read] });
    await service.notify(event({ kind: 'comment_reply', recipients: [idOf(leaving)], params: { title: 'non lu' } }));
    await service.notify(event({ kind: 'comment_reply', spaceId: otherSpaceId, recipients: [idOf(leaving)], params: { title: 'ailleurs' } }));
    expect((await leaving.get('/api/notifications')).body.unread).toBe(2);

    const socket = await connect(leaving);
    const notices = collect(socket);
    expect((await animateur.delete(`/api/spaces/${spaceId}/members/${idOf(leaving)}`)).status).toBe(204);
    const left = await t.dataSource.query(
      `SELECT params->>'title' AS title, read_at IS NOT NULL AS read FROM notification WHERE account_id = $1 ORDER BY created_at`,
      [idOf(leaving)],
    );
    expect(left).toEqual([
      { title: 'lu', read: true },
      { title: 'ailleurs', read: false },
    ]);
    const feed = (await leaving.get('/api/notifications')).body;
    expect(feed.items.map((n: { params: { title: string } }) => n.params.title)).toEqual(['ailleurs']);
    expect(feed.unread).toBe(1);
    await waitFor(() => notices.some((n) => n.unread === 1));
    // Nothing more about the space reaches them.
    expect(await service.notify(event({ kind: 'comment_reply', recipients: [idOf(leaving)] }))).toBe(0);
  });

  describe('unsubscribe links (signed out)', () => {
    const page = (token: string, method = 'GET') => fetch(`${t.url}/unsubscribe/${token}`, { method, redirect: 'manual' });
    const channelOf = async (client: ApiClient, kind: string, space: string | null) =>
      (
        (await t.dataSource.query(`SELECT channel FROM notification_preference WHERE account_id = $1 AND kind = $2 AND space_id IS NOT DISTINCT FROM $3`, [
          idOf(client),
          kind,
          space,
        ])) as { channel: string }[]
      )[0]?.channel;

    it('shows what it turns off, then turns off exactly that preference', async () => {
      const token = await preferences.unsubscribeToken({ accountId: idOf(member), kind: 'comment_mention', spaceId });
      const confirm = await page(token);
      expect(confirm.status).toBe(200);
      expect(confirm.headers.get('content-security-policy')).toContain("form-action 'self'");
      const html = await confirm.text();
      expect(html).toContain('Mention dans un commentaire');
      expect(html).toContain('Pôle Vallée');
      expect(html).toContain(`action="/unsubscribe/${token}"`);
      expect(await channelOf(member, 'comment_mention', spaceId)).toBeUndefined();

      const done = await page(token, 'POST');
      expect(done.status).toBe(200);
      expect(await done.text()).toContain('C’est fait');
      expect(await channelOf(member, 'comment_mention', spaceId)).toBe('off');
      expect(await channelOf(member, 'comment_mention', null)).toBeUndefined();
      const all = (await member.get('/api/notifications/preferences')).body;
      expect(all.preferences).toEqual([{ kind: 'comment_mention', spaceId, channel: 'off' }]);
      expect(await service.notify(event({ recipients: [idOf(member)] }))).toBe(0);
    });

    it("answers a mail client's one-click POST (RFC 8058) without a session", async () => {
      const token = await preferences.unsubscribeToken({ accountId: idOf(observateur), kind: 'session_closed', spaceId: null });
      const response = await fetch(`${t.url}/unsubscribe/${token}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      });
      expect(response.status).toBe(200);
      expect(await channelOf(observateur, 'session_closed', null)).toBe('off');
    });

    it('turns the digest off with a digest link', async () => {
      const token = await preferences.unsubscribeToken({ accountId: idOf(guest), kind: 'digest', spaceId: null });
      expect((await page(token, 'POST')).status).toBe(200);
      expect((await guest.get('/api/notifications/preferences')).body.digest).toBe('never');
    });

    it('refuses a forged or altered token, and a token cannot change another preference', async () => {
      const token = await preferences.unsubscribeToken({ accountId: idOf(animateur), kind: 'vote_opened', spaceId: null });
      const [payload, signature] = token.split('.');
      const encode = (claim: object) => Buffer.from(JSON.stringify(claim)).toString('base64url');
      const otherKind = `${encode({ a: idOf(animateur), k: 'vote_closing_soon', s: null })}.${signature}`;
      const otherAccount = `${encode({ a: idOf(member), k: 'vote_opened', s: null })}.${signature}`;
      const forged = `${payload}.${Buffer.alloc(32, 7).toString('base64url')}`;
      const flipped = `${payload}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'AB' : 'AA'}`;
      for (const bad of [otherKind, otherAccount, forged, flipped, 'pas-un-jeton', `${payload}.`, `${payload}`]) {
        const get = await page(encodeURIComponent(bad));
        expect([bad, get.status]).toEqual([bad, 400]);
        expect(await get.text()).toContain('n’est pas valide');
        expect((await page(encodeURIComponent(bad), 'POST')).status).toBe(400);
      }
      expect(await channelOf(animateur, 'vote_closing_soon', null)).toBeUndefined();
      expect(await channelOf(member, 'vote_opened', null)).toBeUndefined();
      expect(await channelOf(animateur, 'vote_opened', null)).toBeUndefined();
      // The genuine one changes only its own preference.
      expect((await page(token, 'POST')).status).toBe(200);
      expect(await channelOf(animateur, 'vote_opened', null)).toBe('off');
      expect(await channelOf(animateur, 'vote_closing_soon', null)).toBeUndefined();
    });
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
