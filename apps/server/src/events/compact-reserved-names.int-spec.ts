import * as encoding from 'lib0/encoding';
import type { Socket } from 'socket.io-client';
import { COLLAB_NAMESPACE, CollabEvent } from '@concerto/collab';
import { ApiClient } from '../../testing/api-client.js';
import { collabSocket, connected } from '../../testing/collab-clients.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';

/** A compact packet of the app parser, written by hand: `[0xc7][varUint ack id + 1][varString nsp][varString event][payload]`. */
function compactPacket(event: string, ackId?: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeUint8(encoder, 0xc7);
  encoding.writeVarUint(encoder, ackId === undefined ? 0 : ackId + 1);
  encoding.writeVarString(encoder, COLLAB_NAMESPACE);
  encoding.writeVarString(encoder, event);
  encoding.writeUint8Array(encoder, new Uint8Array([0, 1, 2]));
  return encoding.toUint8Array(encoder);
}

/** Resolves with the disconnect reason, or with `'still open'` after `ms`. */
function closedWithin(socket: Socket, ms: number): Promise<string> {
  return new Promise((resolve) => {
    if (!socket.connected) return resolve('already closed');
    const timer = setTimeout(() => resolve('still open'), ms);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

/** True when the server still answers this socket (an acknowledged event comes back). */
async function answers(socket: Socket): Promise<boolean> {
  if (!socket.connected) return false;
  return socket
    .timeout(1000)
    .emitWithAck(CollabEvent.leave, { doc: 'space/00000000-0000-4000-8000-000000000000/diagnostic' })
    .then(() => true)
    .catch(() => false);
}

describe('the app socket.io parser refuses reserved event names (real server, /collab)', () => {
  let t: TestApp;
  const sockets: Socket[] = [];

  async function open(cookie: string | undefined): Promise<Socket> {
    const socket = collabSocket(t.url, cookie, { reconnection: false });
    sockets.push(socket);
    await connected(socket);
    return socket;
  }

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await t.close();
  });

  it.each(['disconnect', 'disconnecting', 'connect', 'connect_error', 'newListener', 'removeListener'])(
    'closes the connection that sends a compact packet named %s',
    async (event) => {
      const person = new ApiClient(t.url);
      await person.signUp();
      const socket = await open(person.cookie);
      const closed = closedWithin(socket, 2000);
      socket.io.engine.write(compactPacket(event, 0));
      expect(await closed).toBe('transport close');
      expect(await answers(socket)).toBe(false);
    },
  );

  it('treats it as socket.io treats the same name in its default format (the connection is closed)', async () => {
    const person = new ApiClient(t.url);
    await person.signUp();
    const socket = await open(person.cookie);
    const closed = closedWithin(socket, 2000);
    socket.io.engine.write(`2${COLLAB_NAMESPACE},["disconnect"]`);
    expect(await closed).toBe('transport close');
  });

  it('leaves no socket of a session open after sign-out, even one that sent a compact `disconnect`', async () => {
    const person = new ApiClient(t.url);
    await person.signUp();
    const forger = await open(person.cookie);
    const bystander = await open(person.cookie);
    forger.io.engine.write(compactPacket('disconnect'));
    // Give the server the time to act on the packet, whatever it does with it.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const forgerClosed = closedWithin(forger, 2000);
    const bystanderClosed = closedWithin(bystander, 2000);
    expect((await person.post('/api/auth/sign-out')).status).toBeLessThan(300);
    expect(await bystanderClosed).not.toBe('still open');
    expect(await forgerClosed).not.toBe('still open');
    expect(await answers(forger)).toBe(false);
    expect(await answers(bystander)).toBe(false);
  });

  it('still hands compact packets with ordinary names to the handlers', async () => {
    const person = new ApiClient(t.url);
    await person.signUp();
    const socket = await open(person.cookie);
    // The collab service reads the (meaningless) frame and answers with an error event: it reached the handler.
    const refused = new Promise((resolve) => socket.once(CollabEvent.error, resolve));
    socket.io.engine.write(compactPacket(CollabEvent.message));
    expect(await refused).toMatchObject({ code: expect.any(String) });
    expect(await answers(socket)).toBe(true);
  });
});
