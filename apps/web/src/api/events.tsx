import {
  EVENTS_NAMESPACE,
  EventsClientEvent,
  EventsServerEvent,
  type ChangeNotice,
  type JoinAck,
} from '@concerto/domain';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { io, type Socket } from 'socket.io-client';
import { useMe } from './auth';
import { queryKeys } from './query-keys';

const EventsSocketContext = createContext<Socket | null>(null);

/** Navigation state set when the server revokes access to the space being viewed. */
export interface AccessRemovedState {
  accessRemoved: true;
}

/**
 * Keeps one `/events` connection while someone is signed in, and turns change notices into
 * query invalidations so every screen refreshes without reload.
 */
export function EventsProvider({ children }: { children: ReactNode }) {
  const { data: me } = useMe();
  const accountId = me?.id ?? null;
  const [socket, setSocket] = useState<Socket | null>(null);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const pathnameRef = useRef(location.pathname);
  useEffect(() => {
    pathnameRef.current = location.pathname;
  }, [location.pathname]);

  useEffect(() => {
    if (!accountId) return;
    const connection = io(EVENTS_NAMESPACE, { withCredentials: true, transports: ['websocket', 'polling'] });
    setSocket(connection);
    return () => {
      connection.disconnect();
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
    socket.on(EventsServerEvent.change, onChange);
    socket.on(EventsServerEvent.revoked, onRevoked);
    return () => {
      socket.off(EventsServerEvent.change, onChange);
      socket.off(EventsServerEvent.revoked, onRevoked);
    };
  }, [socket, queryClient, navigate]);

  return <EventsSocketContext.Provider value={socket}>{children}</EventsSocketContext.Provider>;
}

const JOIN_TIMEOUT_MS = 10_000;

/**
 * Subscribes to a space's change notices while its page is open; joins again after every
 * reconnection and then refetches what may have changed while disconnected.
 */
export function useSpaceEvents(spaceId: string): void {
  const socket = useContext(EventsSocketContext);
  const queryClient = useQueryClient();

  useEffect(() => {
    if (!socket) return;
    let active = true;
    const join = () => {
      const requestedAt = Date.now();
      socket
        .timeout(JOIN_TIMEOUT_MS)
        .emitWithAck(EventsClientEvent.join, { spaceId })
        .then((ack: JoinAck) => {
          if (!active || !ack.ok) return;
          // Catch up on whatever changed before we were in the room.
          void queryClient.invalidateQueries({
            queryKey: queryKeys.space(spaceId),
            predicate: (query) => query.state.status === 'success' && query.state.dataUpdatedAt < requestedAt,
          });
        })
        .catch(() => undefined); // Timed out: the next reconnection joins again.
    };
    if (socket.connected) join();
    socket.on('connect', join);
    return () => {
      active = false;
      socket.off('connect', join);
      if (socket.connected) socket.emit(EventsClientEvent.leave, { spaceId });
    };
  }, [socket, spaceId, queryClient]);
}
