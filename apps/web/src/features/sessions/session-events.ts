import { EventsClientEvent, type JoinAck } from '@concerto/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useEventsSocket } from '../../api/events';
import { queryKeys } from '../../api/query-keys';
import { recordAttendance } from './sessions-api';

const JOIN_TIMEOUT_MS = 10_000;

/**
 * Follows one session's notices (`session:join`, so guests who are not space members get them too), joins again
 * after every reconnection and catches up; while the session is live, records my attendance on opening and after
 * each reconnection.
 */
export function useSessionEvents(sessionId: string, options: { live: boolean; attend: boolean }): void {
  const socket = useEventsSocket();
  const queryClient = useQueryClient();
  const [connections, setConnections] = useState(0);

  useEffect(() => {
    if (!socket) return;
    let active = true;
    const join = () => {
      const requestedAt = Date.now();
      setConnections((n) => n + 1);
      socket
        .timeout(JOIN_TIMEOUT_MS)
        .emitWithAck(EventsClientEvent.joinSession, { sessionId })
        .then((ack: JoinAck) => {
          if (!active || !ack.ok) return;
          void queryClient.invalidateQueries({
            queryKey: queryKeys.session(sessionId),
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
      if (socket.connected) socket.emit(EventsClientEvent.leaveSession, { sessionId });
    };
  }, [socket, sessionId, queryClient]);

  const { live, attend } = options;
  useEffect(() => {
    if (live && attend && connections > 0) void recordAttendance(queryClient, sessionId);
  }, [live, attend, connections, sessionId, queryClient]);
}
