import { io, type Socket } from 'socket.io-client';
import type * as Y from 'yjs';
import { COLLAB_NAMESPACE, CollabClient, type CollabDocument, collabParser } from '@concerto/collab';

/** A real socket.io client on /collab with the caller's session cookie. */
export function collabSocket(
  baseUrl: string,
  cookie: string | undefined,
  options: { origin?: string; reconnection?: boolean; polling?: boolean } = {},
): Socket {
  return io(`${baseUrl}${COLLAB_NAMESPACE}`, {
    // Browsers fall back to long-polling where WebSocket is blocked; `polling` tests that path.
    transports: options.polling ? ['polling'] : ['websocket'],
    parser: collabParser,
    forceNew: true,
    reconnection: options.reconnection ?? true,
    reconnectionDelay: 50,
    reconnectionDelayMax: 500,
    randomizationFactor: 0.5,
    extraHeaders: { ...(cookie ? { cookie } : {}), ...(options.origin ? { origin: options.origin } : {}) },
  });
}

export function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.connected) return resolve();
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });
}

export interface OpenedDocument {
  client: CollabClient;
  document: CollabDocument;
  doc: Y.Doc;
  socket: Socket;
  close(): void;
}

/** Connects, opens a document and waits until it is synced with the server. */
export async function openDocument(baseUrl: string, cookie: string | undefined, name: string): Promise<OpenedDocument> {
  const socket = collabSocket(baseUrl, cookie);
  const client = new CollabClient(socket, { ackTimeoutMs: 5000 });
  const document = client.open(name);
  await connected(socket);
  await document.waitFor(['synced', 'saved']);
  return {
    client,
    document,
    doc: document.doc,
    socket,
    close: () => {
      client.destroy();
      socket.disconnect();
    },
  };
}

/** Waits until `predicate` holds, polling; fails after `timeoutMs`. */
export async function eventually(predicate: () => boolean | Promise<boolean>, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
