import { EVENTS_NAMESPACE } from '@concerto/domain';
import { io } from 'socket.io-client';
import { collabParser } from '@concerto/collab/socket-parser';
import type { EventsSocket } from './socket-events';

/**
 * Opens the `/events` connection. A chunk of its own (socket.io and lib0), loaded once someone is signed in, so the
 * sign-in page does not carry it.
 */
export function openEventsSocket(): EventsSocket {
  // The same parser as /collab: both namespaces share one connection (socket.io multiplexing).
  return io(EVENTS_NAMESPACE, { withCredentials: true, parser: collabParser, transports: ['websocket', 'polling'] });
}
