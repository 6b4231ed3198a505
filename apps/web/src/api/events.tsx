import { EventsClientEvent, EventsServerEvent, NOTIFICATION_EVENT, type ChangeNotice, type JoinAck, type NotificationNotice } from '@concerto/domain';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useMe } from './account';
import { queryKeys } from './query-keys';
import type { EventsSocket } from './socket-events';

const EventsSocketContext = createContext<EventsSocket | null>(null);

/** Notices that change the observatory's figures. */
const OBSERVATORY_ENTITIES: ReadonlySet<ChangeNotice['entity']> = new Set(['project', 'funding_line', 'relation', 'pole']);
/** Notices about a concertation session (its view, votes, ballots, decisions, minutes). */
const SESSION_ENTITIES: ReadonlySet<ChangeNotice['entity']> = new Set(['session', 'vote', 'decision']);

/** Navigation state set when the server revokes access to the space being viewed. */
export interface AccessRemovedState {
  accessRemoved: true;
}

/**
 * Keeps one `/events` connection while someone is signed in, and turns change notices into
 * query invalidations so every screen refreshes without reload.
 */
export function EventsProvider({ children, participantId }: { children: ReactNode; participantId?: string }) {
  const { data: me } = useMe();
  // A participant who joined a session by code has no account: its page names it.
  const accountId = participantId ?? me?.id ?? null;
  const [socket, setSocket] = useState<EventsSocket | null>(null);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const pathnameRef = useRef(location.pathname);
  useEffect(() => {
    pathnameRef.current = location.pathname;
  }, [location.pathname]);

  useEffect(() => {
    if (!accountId) return;
    let closed = false;
    let connection: EventsSocket | null = null;
    // socket.io comes as a chunk of its own, after sign-in (not in the first page).
    import('./events-connection')
      .then(({ openEventsSocket }) => {
        if (closed) return;
        connection = openEventsSocket();
        setSocket(connection);
      })
      .catch(() => undefined); // Offline before the chunk was ever fetched: pages work without live notices.
    return () => {
      closed = true;
      connection?.disconnect();
      setSocket(null);
    };
  }, [accountId]);

  useEffect(() => {
    if (!socket) return;
    const onChange = (notice: ChangeNotice) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.spaceList });
      void queryClient.invalidateQueries({ queryKey: queryKeys.space(notice.spaceId) });
      if (notice.entity === 'pole' || notice.entity === 'space') {
        void queryClient.invalidateQueries({ queryKey: queryKeys.poles });
      }
      if (notice.entity === 'organisation') {
        void queryClient.invalidateQueries({ queryKey: queryKeys.organisations });
      }
      if (OBSERVATORY_ENTITIES.has(notice.entity)) {
        void queryClient.invalidateQueries({ queryKey: queryKeys.observatory });
      }
      if (SESSION_ENTITIES.has(notice.entity)) invalidateSessionsOf(queryClient, notice.spaceId);
      if (notice.entity === 'decision') void queryClient.invalidateQueries({ queryKey: queryKeys.projects(notice.spaceId) });
    };
    const onRevoked = ({ spaceId }: { spaceId: string }) => {
      const spacePath = `/espaces/${spaceId}`;
      const viewing = pathnameRef.current === spacePath || pathnameRef.current.startsWith(`${spacePath}/`);
      const forget = () => {
        queryClient.removeQueries({ queryKey: queryKeys.space(spaceId) });
        void queryClient.invalidateQueries({ queryKey: queryKeys.spaceList });
        void queryClient.invalidateQueries({ queryKey: queryKeys.poles });
      };
      if (viewing) {
        // Leave the page first: dropping its data while it is shown would only refetch a 404.
        const state: AccessRemovedState = { accessRemoved: true };
        void Promise.resolve(navigate('/', { replace: true, state })).then(forget);
      } else {
        forget();
      }
    };
    // The account's notifications: the bell's count at once, the feed refetched if shown; after a reconnection, both.
    const onNotification = (notice: NotificationNotice) => {
      queryClient.setQueryData(queryKeys.notificationsUnread, { unread: notice.unread });
      void queryClient.invalidateQueries({ queryKey: queryKeys.notificationsFeed });
    };
    const onReconnect = () => void queryClient.invalidateQueries({ queryKey: queryKeys.notifications });
    socket.on(EventsServerEvent.change, onChange);
    socket.on(EventsServerEvent.revoked, onRevoked);
    socket.on(NOTIFICATION_EVENT, onNotification);
    socket.io.on('reconnect', onReconnect);
    return () => {
      socket.off(EventsServerEvent.change, onChange);
      socket.off(EventsServerEvent.revoked, onRevoked);
      socket.off(NOTIFICATION_EVENT, onNotification);
      socket.io.off('reconnect', onReconnect);
    };
  }, [socket, queryClient, navigate]);

  return <EventsSocketContext.Provider value={socket}>{children}</EventsSocketContext.Provider>;
}

/** The socket of the events provider (null before it connects), for pages that join other rooms. */
export function useEventsSocket(): EventsSocket | null {
  return useContext(EventsSocketContext);
}

/** Refreshes every open session of the space (session queries are keyed by session id only). */
function invalidateSessionsOf(queryClient: QueryClient, spaceId: string): void {
  for (const query of queryClient.getQueryCache().findAll({ queryKey: queryKeys.sessionRoot })) {
    const data = query.state.data as { spaceId?: unknown } | undefined;
    if (query.queryKey.length !== 2 || data?.spaceId !== spaceId) continue;
    void queryClient.invalidateQueries({ queryKey: queryKeys.session(String(query.queryKey[1])) });
  }
}

const JOIN_TIMEOUT_MS = 10_000;

/**
 * Rooms joined on each socket, counted: two screens open on the same space (a space page and the
 * observatory) share the room, and the last one to close it leaves.
 */
const roomUsers = new WeakMap<EventsSocket, Map<string, number>>();

function holdRoom(socket: EventsSocket, spaceId: string): () => void {
  let rooms = roomUsers.get(socket);
  if (!rooms) roomUsers.set(socket, (rooms = new Map()));
  rooms.set(spaceId, (rooms.get(spaceId) ?? 0) + 1);
  return () => {
    const left = (rooms.get(spaceId) ?? 1) - 1;
    if (left > 0) return void rooms.set(spaceId, left);
    rooms.delete(spaceId);
    if (socket.connected) socket.emit(EventsClientEvent.leave, { spaceId });
  };
}

/**
 * Subscribes to the change notices of the given spaces while the page is open; joins again after
 * every reconnection and then refetches what may have changed while disconnected (`catchUp`, by
 * default everything about the space).
 */
export function useSpacesEvents(spaceIds: readonly string[], catchUp?: readonly (readonly unknown[])[]): void {
  const socket = useContext(EventsSocketContext);
  const queryClient = useQueryClient();
  const idsKey = [...new Set(spaceIds)].sort().join(',');
  const catchUpKey = JSON.stringify(catchUp ?? null);

  useEffect(() => {
    if (!socket || !idsKey) return;
    const ids = idsKey.split(',');
    const extraKeys = JSON.parse(catchUpKey) as unknown[][] | null;
    let active = true;
    const join = (spaceId: string) => {
      const requestedAt = Date.now();
      socket
        .timeout(JOIN_TIMEOUT_MS)
        .emitWithAck(EventsClientEvent.join, { spaceId })
        .then((ack: JoinAck) => {
          if (!active || !ack.ok) return;
          // Catch up on whatever changed before we were in the room.
          const stale = (query: { state: { status: string; dataUpdatedAt: number } }) =>
            query.state.status === 'success' && query.state.dataUpdatedAt < requestedAt;
          for (const queryKey of extraKeys ?? [queryKeys.space(spaceId)]) {
            void queryClient.invalidateQueries({ queryKey, predicate: stale });
          }
        })
        .catch(() => undefined); // Timed out: the next reconnection joins again.
    };
    const joinAll = () => ids.forEach(join);
    const releases = ids.map((spaceId) => holdRoom(socket, spaceId));
    if (socket.connected) joinAll();
    socket.on('connect', joinAll);
    return () => {
      active = false;
      socket.off('connect', joinAll);
      releases.forEach((release) => release());
    };
  }, [socket, idsKey, catchUpKey, queryClient]);
}

/** The change notices of one space, while its page is open. */
export function useSpaceEvents(spaceId: string): void {
  useSpacesEvents([spaceId]);
}
