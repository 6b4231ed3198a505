import { io, type Socket } from 'socket.io-client';
import { type ChangeNotice, EventsClientEvent, EventsServerEvent, type JoinAck } from '@concerto/domain';
import { ApiClient, addMember, buildSpace } from '../../testing/api-client.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';

describe('/events live notices (real socket.io clients)', () => {
  let t: TestApp;
  let animateur: ApiClient;
  let observateur: ApiClient;
  let outsider: ApiClient;
  let spaceId: string;
  const sockets: Socket[] = [];

  function connect(cookie: string | undefined, origin?: string): Socket {
    const socket = io(`${t.url}/events`, {
      transports: ['websocket'],
      reconnection: false,
      extraHeaders: { ...(cookie ? { cookie } : {}), ...(origin ? { origin } : {}) },
    });
    sockets.push(socket);
    return socket;
  }

  const connected = (socket: Socket) =>
    new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (error) => reject(error));
    });

  const nextNotice = (socket: Socket, predicate: (n: ChangeNotice) => boolean = () => true) =>
    new Promise<ChangeNotice>((resolve) => {
      const listener = (notice: ChangeNotice) => {
        if (!predicate(notice)) return;
        socket.off(EventsServerEvent.change, listener);
        resolve(notice);
      };
      socket.on(EventsServerEvent.change, listener);
    });

  beforeAll(async () => {
    t = await startTestApp();
    animateur = new ApiClient(t.url);
    observateur = new ApiClient(t.url);
    outsider = new ApiClient(t.url);
    await Promise.all([animateur.signUp(), observateur.signUp(), outsider.signUp()]);
    spaceId = await buildSpace(animateur);
    await addMember(animateur, spaceId, observateur, 'observateur');
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await t.close();
  });

  it('refuses sockets without a session', async () => {
    await expect(connected(connect(undefined))).rejects.toThrow('unauthenticated');
  });

  it('refuses a page from another origin even with a valid cookie', async () => {
    await expect(connected(connect(animateur.cookie, 'https://evil.example'))).rejects.toThrow('origin_not_allowed');
    await connected(connect(animateur.cookie, t.config.publicUrl));
  });

  it('lets members join and pushes {entity, id, op} notices when the space changes', async () => {
    const socket = connect(observateur.cookie);
    await connected(socket);
    const ack: JoinAck = await socket.emitWithAck(EventsClientEvent.join, { spaceId });
    expect(ack).toEqual({ ok: true });
    const notice = nextNotice(socket);
    await animateur.patch(`/api/spaces/${spaceId}/pole`, { stage: 'seeding' });
    expect(await notice).toMatchObject({ spaceId, entity: 'pole', op: 'updated' });
    const created = nextNotice(socket);
    const project = (await animateur.post(`/api/spaces/${spaceId}/projects`, { title: 'Projet notifié' })).body;
    expect(await created).toEqual({ spaceId, entity: 'project', id: project.id, op: 'created' });
    const moved = nextNotice(socket);
    await animateur.patch(`/api/spaces/${spaceId}/projects/${project.id}`, { version: 1, stage: 'development' });
    expect(await moved).toEqual({ spaceId, entity: 'project', id: project.id, op: 'updated' });
    socket.disconnect();
  });

  it("lets a session's guests follow its notices, and only while they are guests", async () => {
    const guest = new ApiClient(t.url);
    await guest.signUp();
    const session = (await animateur.post(`/api/spaces/${spaceId}/sessions`, { title: 'Séance suivie', scheduledAt: '2026-12-10T09:00:00Z' })).body;
    const socket = connect(guest.cookie);
    await connected(socket);
    expect(await socket.emitWithAck(EventsClientEvent.joinSession, { sessionId: session.id })).toMatchObject({ ok: false, code: 'not_found' });
    await animateur.post(`/api/sessions/${session.id}/guests`, { email: guest.account!.email });
    expect(await socket.emitWithAck(EventsClientEvent.joinSession, { sessionId: session.id })).toEqual({ ok: true });
    // Space notices stay out of reach: the guest is not in the space's room.
    expect(await socket.emitWithAck(EventsClientEvent.join, { spaceId })).toMatchObject({ ok: false });
    const updated = nextNotice(socket, (n) => n.entity === 'session');
    await animateur.patch(`/api/sessions/${session.id}`, { place: 'Salle 3' });
    expect(await updated).toMatchObject({ entity: 'session', id: session.id, op: 'updated' });
    await animateur.delete(`/api/sessions/${session.id}/guests/${guest.account!.id}`);
    const received: ChangeNotice[] = [];
    socket.on(EventsServerEvent.change, (n: ChangeNotice) => received.push(n));
    await animateur.patch(`/api/sessions/${session.id}`, { place: 'Salle 4' });
    await new Promise((r) => setTimeout(r, 300));
    expect(received.filter((n) => n.id === session.id && n.spaceId === spaceId && n.entity === 'session')).toEqual([]);
    socket.disconnect();
  });

  it('refuses to join a space the caller is not in, or a malformed id', async () => {
    const socket = connect(outsider.cookie);
    await connected(socket);
    expect(await socket.emitWithAck(EventsClientEvent.join, { spaceId })).toMatchObject({ ok: false, code: 'not_found' });
    expect(await socket.emitWithAck(EventsClientEvent.join, { spaceId: 'nope' })).toMatchObject({ ok: false, code: 'validation_failed' });
    expect(await socket.emitWithAck(EventsClientEvent.join, 'garbage')).toMatchObject({ ok: false });
    let leaked = false;
    socket.on(EventsServerEvent.change, () => (leaked = true));
    await animateur.patch(`/api/spaces/${spaceId}`, { title: 'Titre confidentiel' });
    await new Promise((r) => setTimeout(r, 200));
    expect(leaked).toBe(false);
  });

  it('stops notices to a member as soon as they are removed', async () => {
    const member = new ApiClient(t.url);
    await member.signUp();
    await addMember(animateur, spaceId, member, 'contributeur');
    const socket = connect(member.cookie);
    await connected(socket);
    await socket.emitWithAck(EventsClientEvent.join, { spaceId });
    const revoked = new Promise((resolve) => socket.once(EventsServerEvent.revoked, resolve));
    await animateur.delete(`/api/spaces/${spaceId}/members/${member.account!.id}`);
    expect(await revoked).toEqual({ spaceId });
    let leaked = false;
    socket.on(EventsServerEvent.change, () => (leaked = true));
    await animateur.patch(`/api/spaces/${spaceId}`, { title: 'Après le départ' });
    await new Promise((r) => setTimeout(r, 200));
    expect(leaked).toBe(false);
    expect(await socket.emitWithAck(EventsClientEvent.join, { spaceId })).toMatchObject({ ok: false, code: 'not_found' });
  });

  it("tells a person's sockets when they join a space or lose access, without joining its room", async () => {
    const person = new ApiClient(t.url);
    await person.signUp();
    const socket = connect(person.cookie);
    await connected(socket);
    const joined = nextNotice(socket, (n) => n.entity === 'member' && n.op === 'created');
    await addMember(animateur, spaceId, person, 'observateur');
    expect(await joined).toMatchObject({ spaceId, id: person.account!.id });
    const removed = nextNotice(socket, (n) => n.entity === 'member' && n.op === 'deleted');
    await animateur.delete(`/api/spaces/${spaceId}/members/${person.account!.id}`);
    expect(await removed).toMatchObject({ spaceId, id: person.account!.id });
  });

  it('closes the sockets of a session at sign-out', async () => {
    const person = new ApiClient(t.url);
    await person.signUp();
    const socket = connect(person.cookie);
    await connected(socket);
    const disconnected = new Promise((resolve) => socket.once('disconnect', resolve));
    await person.post('/api/auth/sign-out');
    await disconnected;
  });
});
