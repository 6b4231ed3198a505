import type { Socket } from 'socket.io-client';
import * as Y from 'yjs';
import { CollabClient, type CollabDocument } from '@concerto/collab';
import { collabSocket, connected } from '@concerto/server/testing';

export interface LoadClient {
  index: number;
  socket: Socket;
  client: CollabClient;
  document: CollabDocument;
  close(): void;
}

/** Opens one real client (socket.io + provider + Y.Doc) on a document and waits until it is synced. */
export async function openLoadClient(url: string, cookie: string, name: string, index: number): Promise<LoadClient> {
  const socket = collabSocket(url, cookie);
  const client = new CollabClient(socket, { ackTimeoutMs: 30_000 });
  const document = client.open(name, new Y.Doc({ gc: true }));
  await connected(socket);
  await document.waitFor(['synced', 'saved']);
  return { index, socket, client, document, close: () => (client.destroy(), socket.disconnect()) };
}
