import type { Socket } from 'socket.io-client';
import { ApiClient, buildSpace } from '../../testing/api-client.js';
import { eventually } from '../../testing/collab-clients.js';
import { NotificationSockets } from '../../testing/notification-sockets.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import type { NotificationEvent } from './notification-event.js';
import { NotificationsService } from './notifications.service.js';

/**
 * A session's guest removed: in the removal's transaction, its unread notifications about that session go (those it
 * read, and those about another session it is still a guest of, stay), its sockets learn the new count, and nothing
 * more about that session reaches it.
 */
describe("a session guest's removal (real PostgreSQL, a real socket.io client)", () => {
  let t: TestApp;
  let service: NotificationsService;
  let animateur: ApiClient;
  let spaceId: string;
  let sessionId: string;
  let sockets: NotificationSockets;

  beforeAll(async () => {
    t = await startTestApp();
    sockets = new NotificationSockets(t.url);
    service = t.app.get(NotificationsService);
    animateur = new ApiClient(t.url);
    await animateur.signUp({ displayName: 'Anne Animatrice' });
    spaceId = await buildSpace(animateur, { title: 'Pôle Vallée' });
    sessionId = (await animateur.post(`/api/spaces/${spaceId}/sessions`, { title: 'Séance de printemps', scheduledAt: '2026-12-10T09:00:00Z' })).body.id;
  });
  afterAll(async () => {
    sockets.close();
    await t.close();
  });

  const idOf = (client: ApiClient) => client.account!.id;
  const event = (overrides: Partial<NotificationEvent>): NotificationEvent => ({
    kind: 'session_scheduled',
    spaceId,
    actorAccountId: idOf(animateur),
    recipients: [],
    place: { kind: 'space' },
    link: `/espaces/${spaceId}`,
    params: {},
    ...overrides,
  });
  const connect = (client: ApiClient) => sockets.connect(client);
  const collect = (socket: Socket) => sockets.collect(socket);
  const waitFor = (condition: () => boolean) => eventually(condition, 5000, 'the live notice');

  it('deletes its unread notifications about that session only, and nothing more reaches it', async () => {
    const passing = new ApiClient(t.url);
    await passing.signUp({ displayName: 'Gina Passagère' });
    const other = (await animateur.post(`/api/spaces/${spaceId}/sessions`, { title: 'Séance d’été', scheduledAt: '2026-12-20T09:00:00Z' })).body.id as string;
    for (const id of [sessionId, other]) expect((await animateur.post(`/api/sessions/${id}/guests`, { email: passing.account!.email })).status).toBe(201);
    await t.dataSource.query(`DELETE FROM notification WHERE account_id = $1`, [idOf(passing)]);
    const about = (session: string, title: string) =>
      service.notify(
        event({
          kind: 'session_scheduled',
          recipients: [idOf(passing)],
          place: { kind: 'session', sessionId: session },
          link: `/seances/${session}`,
          params: { title },
        }),
      );
    await about(sessionId, 'lu');
    const read = (await passing.get('/api/notifications')).body.items[0].id as string;
    await passing.post('/api/notifications/read', { ids: [read] });
    await about(sessionId, 'non lu');
    await about(other, 'autre séance');
    expect((await passing.get('/api/notifications')).body.unread).toBe(2);

    const socket = await connect(passing);
    const notices = collect(socket);
    expect((await animateur.delete(`/api/sessions/${sessionId}/guests/${idOf(passing)}`)).status).toBe(204);
    const left = await t.dataSource.query(
      `SELECT params->>'title' AS title, read_at IS NOT NULL AS read FROM notification WHERE account_id = $1 ORDER BY created_at`,
      [idOf(passing)],
    );
    expect(left).toEqual([
      { title: 'lu', read: true },
      { title: 'autre séance', read: false },
    ]);
    expect((await passing.get('/api/notifications')).body.unread).toBe(1);
    await waitFor(() => notices.some((n) => n.unread === 1));
    expect(await about(sessionId, 'après')).toBe(0);
    expect(await about(other, 'encore invitée')).toBe(1);
    // A guest removal that finds no guest changes nothing and says so.
    expect((await animateur.delete(`/api/sessions/${sessionId}/guests/${idOf(passing)}`)).status).toBe(404);
  });
});
