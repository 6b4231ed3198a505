// Load-generator worker (plain ESM, runs the built libs): opens real clients — socket.io + the collab provider +
// a Yjs document each — on the documents it is given, then edits on command and reports what it measured.
import { parentPort, workerData } from 'node:worker_threads';
import { io } from 'socket.io-client';
import * as Y from 'yjs';
import { COLLAB_NAMESPACE, CollabClient, collabParser } from '@concerto/collab';

const { url, cookie, assignments, spreadMs } = workerData;
const now = () => performance.timeOrigin + performance.now();
const clients = [];

async function open({ name, index }, delay) {
  await new Promise((r) => setTimeout(r, delay));
  const started = performance.now();
  const socket = io(`${url}${COLLAB_NAMESPACE}`, {
    transports: ['websocket'],
    parser: collabParser,
    forceNew: true,
    reconnectionDelay: 100,
    reconnectionDelayMax: 2000,
    randomizationFactor: 0.5,
    extraHeaders: { cookie },
  });
  const client = new CollabClient(socket, { ackTimeoutMs: 60_000 });
  const document = client.open(name, new Y.Doc({ gc: true }));
  await document.waitFor(['synced', 'saved']);
  clients.push({ index, socket, client, document });
  return performance.now() - started;
}

function edit(intervalMs, durationMs, drainMs) {
  const m = { propagation: [], durableAck: [], edits: 0, deliveries: 0 };
  const stops = [];
  let measuring = true;
  for (const c of clients) {
    const map = c.document.doc.getMap('bench');
    const own = `${c.index}:`;
    const observer = (event) => {
      if (!measuring || event.transaction.origin !== c.document) return;
      const t = now();
      for (const key of event.keysChanged) {
        if (key.startsWith(own)) continue;
        const value = map.get(key);
        if (!value) continue;
        m.propagation.push(t - value.t);
        m.deliveries += 1;
      }
    };
    map.observe(observer);
    const pending = new Map();
    const stopDurable = c.document.onDurable((saved) => {
      const t = performance.now();
      for (const [version, sentAt] of pending) {
        if (version > saved) continue;
        if (measuring) m.durableAck.push(t - sentAt);
        pending.delete(version);
      }
    });
    let seq = 0;
    let timer;
    const tick = () => {
      map.set(`${c.index}:${seq++}`, { t: now() });
      pending.set(c.document.localVersion, performance.now());
      m.edits += 1;
    };
    const phase = setTimeout(() => {
      tick();
      timer = setInterval(tick, intervalMs);
    }, Math.random() * intervalMs);
    stops.push(() => {
      clearTimeout(phase);
      clearInterval(timer);
      setTimeout(() => map.unobserve(observer), drainMs);
      stopDurable();
    });
  }
  setTimeout(() => {
    for (const stop of stops) stop();
    setTimeout(() => {
      measuring = false;
      parentPort.postMessage({ type: 'edited', ...m });
    }, drainMs);
  }, durationMs);
}

parentPort.on('message', async (message) => {
  if (message.type === 'open') {
    const total = assignments.length;
    const connectMs = await Promise.all(assignments.map((a, i) => open(a, spreadMs ? (i / total) * spreadMs : 0)));
    parentPort.postMessage({ type: 'opened', connectMs });
  } else if (message.type === 'edit') {
    edit(message.intervalMs, message.durationMs, message.drainMs);
  } else if (message.type === 'close') {
    for (const c of clients) {
      c.client.destroy();
      c.socket.disconnect();
    }
    parentPort.postMessage({ type: 'closed' });
  }
});
