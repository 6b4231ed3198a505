// Load-generator worker (plain ESM, runs the built libs). It opens clients on the documents it is given, against
// Concerto (socket.io with the protocol of libs/collab) or Hocuspocus (its own protocol over a WebSocket):
// - light clients do the real handshake and sync and send real Yjs updates (each from a small Y.Doc of its own
//   edits), but read the timestamps of others' edits from the raw frames instead of applying them;
// - full clients keep a replica (Concerto: CollabClient of libs/collab; Hocuspocus: @hocuspocus/provider), whose
//   state is compared with the stored document at the end.
// Every edit sets a new key `@b<client>/<send time>#` in the map `bench`; the key travels unchanged inside every
// update, merged or not, so the receivers find the sender and the send time in the bytes.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { io } from 'socket.io-client';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { HocuspocusProvider } from '@hocuspocus/provider';
import { COLLAB_NAMESPACE, CollabClient, CollabEvent, MessageType, SyncStep, collabParser, decodeFrame, readSyncBody, syncFrame } from '@concerto/collab';

const { target, url, secret, assignments } = workerData;
const now = () => performance.timeOrigin + performance.now();
/** @type {Array<LightConcerto | LightHocuspocus | FullConcerto | FullHocuspocus>} */
let clients = [];

/** Measurements of the current editing phase (null outside of it). */
let m = null;

// ---------------------------------------------------------------------------------------------------- markers

const AT = 0x40;
const B = 0x62;
const SLASH = 0x2f;
const HASH = 0x23;
const DOT = 0x2e;

const markerKey = (index) => `@b${index}/${now().toFixed(3)}#`;

/** Every edit marker in the bytes of an update: `@b<index>/<time>#`. */
function scanMarkers(bytes, own, at) {
  const n = bytes.length;
  for (let i = 0; i < n - 4; i++) {
    if (bytes[i] !== AT || bytes[i + 1] !== B) continue;
    let j = i + 2;
    let sender = 0;
    let digits = 0;
    while (j < n && bytes[j] >= 0x30 && bytes[j] <= 0x39) ((sender = sender * 10 + (bytes[j++] - 0x30)), digits++);
    if (digits === 0 || bytes[j] !== SLASH) continue;
    j++;
    let whole = 0;
    let fraction = 0;
    let scale = 1;
    let inFraction = false;
    digits = 0;
    while (j < n && ((bytes[j] >= 0x30 && bytes[j] <= 0x39) || (bytes[j] === DOT && !inFraction))) {
      if (bytes[j] === DOT) inFraction = true;
      else if (inFraction) ((fraction = fraction * 10 + (bytes[j] - 0x30)), (scale *= 10));
      else whole = whole * 10 + (bytes[j] - 0x30);
      j++;
      digits++;
    }
    if (digits < 10 || bytes[j] !== HASH) continue;
    i = j;
    if (sender === own) continue;
    delivered(at - (whole + fraction / scale));
  }
}

function delivered(latency) {
  if (!m) return;
  m.propagation.push(latency);
  m.deliveries += 1;
}

/** A small Y.Doc holding only this client's own edits: each edit is a real Yjs update. */
function ownEdits() {
  const doc = new Y.Doc();
  const map = doc.getMap('bench');
  let last;
  doc.on('update', (u) => (last = u));
  return {
    doc,
    edit(index) {
      map.set(markerKey(index), 1);
      return last;
    },
  };
}

// ---------------------------------------------------------------------------------------------------- Concerto

function concertoSocket() {
  return io(`${url}${COLLAB_NAMESPACE}`, {
    transports: ['websocket'],
    parser: collabParser,
    forceNew: true,
    reconnection: false,
    extraHeaders: { cookie: secret },
  });
}

class LightConcerto {
  constructor({ name, index }) {
    this.name = name;
    this.index = index;
    this.own = ownEdits();
  }

  open() {
    return new Promise((resolve, reject) => {
      const socket = (this.socket = concertoSocket());
      socket.on('connect_error', reject);
      socket.on(CollabEvent.message, (payload) => this.receive(payload, resolve));
      // The join carries the state vector; its answer the step 2 and the server's vector (a server without it: step 1).
      socket.on('connect', () =>
        socket.emit(CollabEvent.join, { doc: this.name, stateVector: Y.encodeStateVector(this.own.doc) }, (answer) => {
          if (!answer.ok) return reject(new Error(`join refused: ${answer.code}`));
          if (!answer.step2) return socket.emit(CollabEvent.message, syncFrame(this.name, SyncStep.step1, Y.encodeStateVector(this.own.doc)));
          this.receive(answer.step2, resolve);
          if (answer.stateVector) this.receive(answer.stateVector, resolve);
        }),
      );
    });
  }

  receive(payload, synced) {
    const bytes = payload instanceof Uint8Array ? payload : new Uint8Array(payload);
    const frame = decodeFrame(bytes);
    if (frame.type !== MessageType.sync) return;
    const { step, payload: body } = readSyncBody(frame.decoder);
    if (step === SyncStep.update) scanMarkers(body, this.index, now());
    else if (step === SyncStep.step2) synced();
    else this.socket.emit(CollabEvent.message, syncFrame(this.name, SyncStep.step2, Y.encodeStateAsUpdate(this.own.doc, body)), () => undefined);
  }

  edit() {
    const update = this.own.edit(this.index);
    const sent = performance.now();
    this.socket.emit(CollabEvent.message, syncFrame(this.name, SyncStep.update, update), (ack) => {
      if (!m) return;
      if (ack?.ok) m.durableAck.push(performance.now() - sent);
      else m.refused += 1;
    });
  }

  close() {
    this.socket.disconnect();
  }
}

class FullConcerto {
  constructor({ name, index }) {
    this.name = name;
    this.index = index;
  }

  async open() {
    this.socket = concertoSocket();
    this.client = new CollabClient(this.socket, { ackTimeoutMs: 60_000 });
    this.document = this.client.open(this.name, new Y.Doc({ gc: true }));
    observeReplica(this.document.doc, this.index);
    await this.document.waitFor(['synced', 'saved']);
  }

  edit() {
    this.document.doc.getMap('bench').set(markerKey(this.index), 1);
  }

  state() {
    return Y.encodeStateAsUpdate(this.document.doc);
  }

  close() {
    this.client.destroy();
    this.socket.disconnect();
  }
}

/** Propagation seen by a replica: the keys that others' transactions added. */
function observeReplica(doc, index) {
  doc.getMap('bench').observe((event) => {
    if (event.transaction.local) return;
    const t = now();
    for (const key of event.keysChanged) {
      const match = /^@b(\d+)\/([\d.]+)#$/.exec(key);
      if (match && Number(match[1]) !== index) delivered(t - Number(match[2]));
    }
  });
}

// ---------------------------------------------------------------------------------------------------- Hocuspocus

const HP = { sync: 0, awareness: 1, auth: 2, syncStatus: 8 };

function hpMessage(name, type, write) {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, name);
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

class LightHocuspocus {
  constructor({ name, index }) {
    this.name = name;
    this.index = index;
    this.own = ownEdits();
    /** Send times of the updates awaiting Hocuspocus's SyncStatus (in order; null for a sync step 2). */
    this.pending = [];
  }

  open() {
    return new Promise((resolve, reject) => {
      const ws = (this.ws = new WebSocket(url));
      ws.binaryType = 'nodebuffer';
      ws.on('error', reject);
      ws.on('message', (data) => this.receive(data, resolve));
      ws.on('open', () => {
        ws.send(
          hpMessage(this.name, HP.auth, (e) => {
            encoding.writeVarUint(e, 0);
            encoding.writeVarString(e, secret);
          }),
        );
        ws.send(
          hpMessage(this.name, HP.sync, (e) => {
            encoding.writeVarUint(e, 0);
            encoding.writeVarUint8Array(e, Y.encodeStateVector(this.own.doc));
          }),
        );
      });
    });
  }

  receive(data, synced) {
    const decoder = decoding.createDecoder(data);
    decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type === HP.syncStatus) {
      const sent = this.pending.shift();
      if (m && sent != null) m.durableAck.push(performance.now() - sent);
      return;
    }
    if (type === HP.auth) {
      decoding.readVarUint(decoder);
      return;
    }
    if (type !== HP.sync) return;
    const step = decoding.readVarUint(decoder);
    const body = decoding.readVarUint8Array(decoder);
    if (step === 2) scanMarkers(body, this.index, now());
    else if (step === 1) synced();
    else {
      this.pending.push(null);
      this.ws.send(
        hpMessage(this.name, HP.sync, (e) => {
          encoding.writeVarUint(e, 1);
          encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(this.own.doc, body));
        }),
      );
    }
  }

  edit() {
    const update = this.own.edit(this.index);
    this.pending.push(performance.now());
    this.ws.send(
      hpMessage(this.name, HP.sync, (e) => {
        encoding.writeVarUint(e, 2);
        encoding.writeVarUint8Array(e, update);
      }),
    );
  }

  close() {
    this.ws.close();
  }
}

class FullHocuspocus {
  constructor({ name, index }) {
    this.name = name;
    this.index = index;
  }

  open() {
    this.doc = new Y.Doc({ gc: true });
    observeReplica(this.doc, this.index);
    return new Promise((resolve, reject) => {
      this.provider = new HocuspocusProvider({
        url,
        name: this.name,
        document: this.doc,
        token: secret,
        WebSocketPolyfill: WebSocket,
        onSynced: () => resolve(),
        onAuthenticationFailed: () => reject(new Error('hocuspocus refused the token')),
      });
    });
  }

  edit() {
    this.doc.getMap('bench').set(markerKey(this.index), 1);
  }

  state() {
    return Y.encodeStateAsUpdate(this.doc);
  }

  close() {
    this.provider.destroy();
  }
}

// ---------------------------------------------------------------------------------------------------- commands

function create(assignment) {
  if (target === 'concerto') return assignment.full ? new FullConcerto(assignment) : new LightConcerto(assignment);
  return assignment.full ? new FullHocuspocus(assignment) : new LightHocuspocus(assignment);
}

/** Opens every client at once; returns each one's connect → synced time (ms). */
async function open() {
  clients = assignments.map(create);
  return Promise.all(
    clients.map(async (c) => {
      const started = performance.now();
      await c.open();
      return performance.now() - started;
    }),
  );
}

/**
 * Edits at `rate` per second in total (this thread's share), one client after the other in the assigned order
 * (which alternates documents), for `durationMs`; then waits `drainMs` for the last deliveries.
 */
function edit(rate, durationMs, drainMs) {
  m = { propagation: [], durableAck: [], edits: 0, deliveries: 0, refused: 0 };
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const started = performance.now();
  let next = 0;
  const timer = setInterval(() => {
    const due = Math.floor(((performance.now() - started) * rate) / 1000);
    while (m.edits < due) {
      clients[next].edit();
      next = (next + 1) % clients.length;
      m.edits += 1;
    }
  }, 1);
  setTimeout(() => {
    clearInterval(timer);
    const behind = Math.floor((durationMs * rate) / 1000) - m.edits;
    setTimeout(() => {
      delay.disable();
      const result = {
        ...m,
        behind,
        loopDelay: { p50: delay.percentile(50) / 1e6, p99: delay.percentile(99) / 1e6, max: delay.max / 1e6 },
        replicas: clients.filter((c) => c.state).map((c) => ({ name: c.name, state: c.state() })),
      };
      m = null;
      parentPort.postMessage({ type: 'edited', ...result });
    }, drainMs);
  }, durationMs);
}

parentPort.on('message', async (message) => {
  try {
    if (message.type === 'open') parentPort.postMessage({ type: 'opened', connectMs: await open() });
    else if (message.type === 'edit') edit(message.rate, message.durationMs, message.drainMs);
    else if (message.type === 'close') {
      for (const c of clients) c.close();
      clients = [];
      parentPort.postMessage({ type: 'closed' });
    }
  } catch (error) {
    parentPort.postMessage({ type: 'failed', message: String(error?.stack ?? error) });
  }
});
