import { COLLAB_NAMESPACE, CollabClient, collabParser } from '@concerto/collab';
import { io } from 'socket.io-client';
import type { CollabSocket } from '../../api/socket-events';

let shared: { client: CollabClient; users: number } | null = null;

/**
 * One `/collab` connection for every co-edited document open in the page (cookie session, like
 * `/events`), kept while at least one document uses it. Offline copies go to IndexedDB.
 */
export function acquireCollabClient(): { client: CollabClient; release: () => void } {
  if (!shared) {
    const socket: CollabSocket = io(COLLAB_NAMESPACE, {
      withCredentials: true,
      parser: collabParser,
      transports: ['websocket', 'polling'],
      reconnectionDelay: 500,
      reconnectionDelayMax: 10_000,
      randomizationFactor: 0.5,
    });
    shared = { client: new CollabClient(socket, { offline: true }), users: 0 };
  }
  const current = shared;
  current.users += 1;
  let released = false;
  return {
    client: current.client,
    release: () => {
      if (released) return;
      released = true;
      current.users -= 1;
      if (current.users > 0) return;
      // Give a remounting editor (route change, StrictMode) a moment before closing the socket.
      setTimeout(() => {
        if (current.users > 0 || shared !== current) return;
        shared = null;
        current.client.destroy();
        current.client.socket.disconnect();
      }, 2_000);
    },
  };
}
