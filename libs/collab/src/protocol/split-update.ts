import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

type Struct = Y.Item | Y.GC | Y.Skip;
interface DeleteSet {
  clients: Map<number, { clock: number; len: number }[]>;
}

/** Bytes of the frame header and of a piece's own header, kept free in every piece. */
const PIECE_OVERHEAD = 512;

/**
 * Splits a Yjs update (v1) into updates of at most `maxBytes` each that, applied in order to any document holding
 * what the update depends on, integrate one after the other (no piece waits for a later one) and together give the
 * same document as the whole update. Long structs (a pasted text) are cut, never inside a surrogate pair; the
 * delete set travels with the last piece. An update that fits is returned as it is.
 *
 * A struct that cannot be cut (one embedded value larger than `maxBytes`) stays whole: the server refuses that
 * piece, and the client treats the refusal like any other.
 */
export function splitUpdate(update: Uint8Array, maxBytes: number): Uint8Array[] {
  if (update.byteLength <= maxBytes) return [update];
  const budget = Math.max(64, maxBytes - PIECE_OVERHEAD);
  const { structs, ds } = Y.decodeUpdate(update) as unknown as { structs: Struct[]; ds: DeleteSet };
  const pieces: Uint8Array[] = [];
  let current: Struct[] = [];
  let size = 0;
  for (const struct of causalOrder(structs)) {
    for (const part of cut(struct, budget)) {
      const bytes = structSize(part);
      if (current.length > 0 && size + bytes > budget) {
        pieces.push(encodePiece(current, undefined));
        current = [];
        size = 0;
      }
      current.push(part);
      size += bytes;
    }
  }
  pieces.push(encodePiece(current, ds));
  return pieces;
}

/**
 * The structs in an order where each one's dependencies (its origins and parent, when they are in the update)
 * come before it: per client by clock, clients interleaved as their dependencies require. Causality makes this
 * order exist; should it not (a malformed update), the remaining structs follow in their original order.
 */
function causalOrder(structs: Struct[]): Struct[] {
  const byClient = new Map<number, Struct[]>();
  for (const struct of structs) {
    const list = byClient.get(struct.id.client);
    if (list) list.push(struct);
    else byClient.set(struct.id.client, [struct]);
  }
  if (byClient.size <= 1) return structs;
  const firstClock = new Map<number, number>();
  for (const [client, list] of byClient) firstClock.set(client, list[0].id.clock);
  const cursor = new Map<number, number>([...byClient.keys()].map((c) => [c, 0]));
  /** Clock up to which each client's structs were emitted. */
  const emitted = new Map<number, number>(firstClock);
  const satisfied = (id: Y.ID | null | undefined, self: number) => {
    if (!id || id.client === self || !byClient.has(id.client)) return true;
    return id.clock < emitted.get(id.client)!;
  };
  const ready = (struct: Struct) => {
    if (!(struct instanceof Y.Item)) return true;
    const parent = struct.parent as unknown;
    const parentId = parent instanceof Y.ID ? parent : undefined;
    return satisfied(struct.origin, struct.id.client) && satisfied(struct.rightOrigin, struct.id.client) && satisfied(parentId, struct.id.client);
  };
  const ordered: Struct[] = [];
  let progress = true;
  while (ordered.length < structs.length && progress) {
    progress = false;
    for (const [client, list] of byClient) {
      let i = cursor.get(client)!;
      while (i < list.length && ready(list[i])) {
        ordered.push(list[i]);
        emitted.set(client, list[i].id.clock + list[i].length);
        i += 1;
        progress = true;
      }
      cursor.set(client, i);
    }
  }
  if (ordered.length < structs.length) {
    for (const [client, list] of byClient) ordered.push(...list.slice(cursor.get(client)!));
  }
  return ordered;
}

function structSize(struct: Struct): number {
  const encoder = new Y.UpdateEncoderV1();
  struct.write(encoder, 0);
  return encoding.length(encoder.restEncoder);
}

/** Parts of a struct, each within `budget` bytes where the struct's content can be cut. */
function cut(struct: Struct, budget: number): Struct[] {
  if (structSize(struct) <= budget || struct.length < 2) return [struct];
  const half = splitPoint(struct, Math.floor(struct.length / 2));
  if (half <= 0 || half >= struct.length) return [struct];
  const left = slice(struct, 0, half);
  const right = slice(struct, half, struct.length);
  if (!left || !right) return [struct];
  return [...cut(left, budget), ...cut(right, budget)];
}

/** Never between the two halves of a surrogate pair (Yjs would replace both by U+FFFD). */
function splitPoint(struct: Struct, at: number): number {
  if (struct instanceof Y.Item && struct.content instanceof Y.ContentString) {
    const code = struct.content.str.charCodeAt(at - 1);
    if (code >= 0xd800 && code <= 0xdbff) return at + 1 < struct.length ? at + 1 : at - 1;
  }
  return at;
}

/** The units [from, to) of a struct as a struct of its own, or undefined when its content cannot be cut. */
function slice(struct: Struct, from: number, to: number): Struct | undefined {
  const id = Y.createID(struct.id.client, struct.id.clock + from);
  if (struct instanceof Y.GC) return new Y.GC(id, to - from);
  if (struct instanceof Y.Skip) return new Y.Skip(id, to - from);
  const content = struct.content;
  if (!content.isCountable() || content instanceof Y.ContentType) return undefined;
  const copy = content.copy();
  if (to < struct.length) copy.splice(to);
  const rest = from > 0 ? copy.splice(from) : copy;
  const origin = from > 0 ? Y.createID(struct.id.client, struct.id.clock + from - 1) : struct.origin;
  return new Y.Item(id, null, origin, null, struct.rightOrigin, struct.parent, struct.parentSub, rest);
}

function encodePiece(structs: Struct[], ds: DeleteSet | undefined): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  const runs: Struct[][] = [];
  const byClient = new Map<number, Struct[]>();
  for (const struct of structs) {
    let run = byClient.get(struct.id.client);
    if (!run) {
      run = [];
      byClient.set(struct.id.client, run);
      runs.push(run);
    }
    run.push(struct);
  }
  encoding.writeVarUint(encoder.restEncoder, runs.length);
  for (const run of runs) {
    encoding.writeVarUint(encoder.restEncoder, run.length);
    encoder.writeClient(run[0].id.client);
    encoding.writeVarUint(encoder.restEncoder, run[0].id.clock);
    for (const struct of run) struct.write(encoder, 0);
  }
  writeDeleteSet(encoder, ds);
  return encoder.toUint8Array();
}

/** The delete set as Yjs writes it (`writeDeleteSet` is not exported). */
function writeDeleteSet(encoder: Y.UpdateEncoderV1, ds: DeleteSet | undefined): void {
  const clients = ds ? [...ds.clients.entries()].sort((a, b) => b[0] - a[0]) : [];
  encoding.writeVarUint(encoder.restEncoder, clients.length);
  for (const [client, ranges] of clients) {
    encoder.resetDsCurVal();
    encoding.writeVarUint(encoder.restEncoder, client);
    encoding.writeVarUint(encoder.restEncoder, ranges.length);
    for (const { clock, len } of ranges) {
      encoder.writeDsClock(clock);
      encoder.writeDsLen(len);
    }
  }
}

/** An update that deletes, in a document that has them, the structs an update inserted (to roll it back). */
export function deletionOf(update: Uint8Array): Uint8Array {
  const { structs } = Y.decodeUpdate(update) as unknown as { structs: Struct[] };
  const clients = new Map<number, { clock: number; len: number }[]>();
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    const ranges = clients.get(struct.id.client) ?? [];
    const last = ranges[ranges.length - 1];
    if (last && last.clock + last.len === struct.id.clock) last.len += struct.length;
    else ranges.push({ clock: struct.id.clock, len: struct.length });
    clients.set(struct.id.client, ranges);
  }
  return encodePiece([], { clients });
}
