import { io, type Socket } from 'socket.io-client';
import {
  CollabEvent,
  type JoinResult,
  analysisTextDocument,
  diagnosticDocument,
  guideDocument,
  projectNotesDocument,
  sessionBoardDocument,
  testimonyStoryDocument,
} from '@concerto/collab';
import { EventsClientEvent, type JoinAck } from '@concerto/domain';
import { ApiClient, addMember, buildSpace } from '../../testing/api-client.js';
import { collabSocket } from '../../testing/collab-clients.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';

/**
 * The socket side of the authorisation matrix: every co-edited document kind and every /events room × every kind of
 * caller, from one table, through real socket.io clients.
 */
const ACTORS = ['anonymous', 'nonMember', 'otherSpace', 'guest', 'observateur', 'contributeur', 'animateur'] as const;
type Actor = (typeof ACTORS)[number];

/** `refused`: the socket cannot connect; `none`: not_found; `read`/`write`: joined read-only or as an editor. */
type DocumentOutcome = 'refused' | 'none' | 'read' | 'write';
/** `refused`: the socket cannot connect; `none`: not_found; `follow`: joined the room. */
type RoomOutcome = 'refused' | 'none' | 'follow';

interface Fixture {
  spaceId: string;
  projectId: string;
  liveSessionId: string;
  closedSessionId: string;
  testimonyId: string;
  analysisId: string;
}

const inSpace = (observateur: DocumentOutcome, contributeur: DocumentOutcome, animateur: DocumentOutcome, guest: DocumentOutcome = 'none') =>
  ({ anonymous: 'refused', nonMember: 'none', otherSpace: 'none', guest, observateur, contributeur, animateur }) as const;

const DOCUMENTS: Record<string, { name: (f: Fixture) => string; expected: Record<Actor, DocumentOutcome> }> = {
  // The diagnostic and project notes belong to the space: its roles, nobody else (a session guest is not a member).
  diagnostic: { name: (f) => diagnosticDocument(f.spaceId), expected: inSpace('read', 'write', 'write') },
  'project notes': { name: (f) => projectNotesDocument(f.projectId), expected: inSpace('read', 'write', 'write') },
  // A testimony's story belongs to its space, like the diagnostic.
  'testimony story': { name: (f) => testimonyStoryDocument(f.testimonyId), expected: inSpace('read', 'write', 'write') },
  'analysis text': { name: (f) => analysisTextDocument(f.analysisId), expected: inSpace('read', 'write', 'write') },
  // The guide d'appui belongs to its space, like the diagnostic (its sections list is the animateurs', checked per update).
  guide: { name: (f) => guideDocument(f.spaceId), expected: inSpace('read', 'write', 'write') },
  // A live session's board: members with their role, guests as contributeurs.
  'live session board': { name: (f) => sessionBoardDocument(f.liveSessionId), expected: inSpace('read', 'write', 'write', 'write') },
  // Once closed, the board is kept read-only for everyone who had a place in the session.
  'closed session board': { name: (f) => sessionBoardDocument(f.closedSessionId), expected: inSpace('read', 'read', 'read', 'read') },
};

const followers = (guest: RoomOutcome) =>
  ({ anonymous: 'refused', nonMember: 'none', otherSpace: 'none', guest, observateur: 'follow', contributeur: 'follow', animateur: 'follow' }) as const;

const ROOMS: Record<string, { event: string; body: (f: Fixture) => unknown; expected: Record<Actor, RoomOutcome> }> = {
  // A guest follows its session's room only, never the space's.
  space: { event: EventsClientEvent.join, body: (f) => ({ spaceId: f.spaceId }), expected: followers('none') },
  'live session': { event: EventsClientEvent.joinSession, body: (f) => ({ sessionId: f.liveSessionId }), expected: followers('follow') },
  'closed session': { event: EventsClientEvent.joinSession, body: (f) => ({ sessionId: f.closedSessionId }), expected: followers('follow') },
};

describe('authorisation matrix, socket side (/collab documents and /events rooms)', () => {
  let t: TestApp;
  const clients = {} as Record<Actor, ApiClient>;
  let fixture: Fixture;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    for (const actor of ACTORS) clients[actor] = new ApiClient(t.url);
    for (const actor of ACTORS.filter((a) => a !== 'anonymous')) await clients[actor].signUp();
    const owner = clients.animateur;
    const spaceId = await buildSpace(owner);
    await buildSpace(clients.otherSpace);
    await addMember(owner, spaceId, clients.observateur, 'observateur');
    await addMember(owner, spaceId, clients.contributeur, 'contributeur');
    const projectId = (await owner.post(`/api/spaces/${spaceId}/projects`, { title: 'Projet de la matrice' })).body.id as string;
    const newSession = async () => {
      const id = (
        await owner.post(`/api/spaces/${spaceId}/sessions`, {
          title: 'Séance',
          scheduledAt: '2026-12-10T09:00:00Z',
          agenda: [{ title: 'Point', durationMinutes: 15 }],
        })
      ).body.id as string;
      await owner.post(`/api/sessions/${id}/guests`, { email: clients.guest.account!.email });
      await owner.post(`/api/sessions/${id}/facilitation`, { action: 'start' });
      return id;
    };
    const [liveSessionId, closedSessionId] = [await newSession(), await newSession()];
    expect((await owner.post(`/api/sessions/${closedSessionId}/close`)).status).toBe(200);
    const testimonyId = (await owner.post(`/api/spaces/${spaceId}/testimonies`, { title: 'Témoignage de la matrice' })).body.id as string;
    const analysisId = (await owner.post(`/api/spaces/${spaceId}/analyses`, { title: 'Analyse de la matrice', scope: { kind: 'free' } })).body.id as string;
    fixture = { spaceId, projectId, liveSessionId, closedSessionId, testimonyId, analysisId };
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await t.close();
  });

  /** A connected socket, or undefined when the server refuses the connection. */
  const connect = (socket: Socket): Promise<Socket | undefined> => {
    sockets.push(socket);
    return new Promise((resolve) => {
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', () => resolve(undefined));
    });
  };

  it.each(Object.keys(DOCUMENTS))('the %s answers each caller as the table says', async (key) => {
    const row = DOCUMENTS[key];
    const actual = {} as Record<Actor, DocumentOutcome>;
    for (const actor of ACTORS) {
      const socket = await connect(collabSocket(t.url, clients[actor].cookie, { reconnection: false }));
      if (!socket) {
        actual[actor] = 'refused';
        continue;
      }
      const result: JoinResult = await socket.timeout(5000).emitWithAck(CollabEvent.join, { doc: row.name(fixture) });
      actual[actor] = !result.ok ? 'none' : result.readOnly ? 'read' : 'write';
      if (!result.ok) expect(result.code).toBe('not_found');
      socket.disconnect();
    }
    expect(actual).toEqual(row.expected);
  });

  it.each(Object.keys(ROOMS))('the %s room of /events answers each caller as the table says', async (key) => {
    const row = ROOMS[key];
    const actual = {} as Record<Actor, RoomOutcome>;
    for (const actor of ACTORS) {
      const cookie = clients[actor].cookie;
      const socket = await connect(
        io(`${t.url}/events`, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: cookie ? { cookie } : {} }),
      );
      if (!socket) {
        actual[actor] = 'refused';
        continue;
      }
      const ack: JoinAck = await socket.timeout(5000).emitWithAck(row.event, row.body(fixture));
      actual[actor] = ack.ok ? 'follow' : 'none';
      if (!ack.ok) expect(ack.code).toBe('not_found');
      socket.disconnect();
    }
    expect(actual).toEqual(row.expected);
  });
});
