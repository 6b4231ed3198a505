import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import {
  type DocumentRef,
  DocumentKind,
  type DocumentSchema,
  boardSchema,
  diagnosticDocument,
  diagnosticSchema,
  migrateDocument,
  projectNotesDocument,
  projectNotesSchema,
  sessionBoardDocument,
} from '@concerto/collab';

// Yjs fixtures for the document policy's tests and benchmark: documents as the server holds them, clients,
// updates of many unmerged structs, forged updates.

const OWNER = '00000000-0000-4000-8000-000000000001';
export const refs: Record<'diagnostic' | 'notes' | 'board', DocumentRef> = {
  diagnostic: { kind: DocumentKind.diagnostic, ownerId: OWNER, name: diagnosticDocument(OWNER) },
  notes: { kind: DocumentKind.projectNotes, ownerId: OWNER, name: projectNotesDocument(OWNER) },
  board: { kind: DocumentKind.sessionBoard, ownerId: OWNER, name: sessionBoardDocument(OWNER) },
};
const SCHEMAS: Record<keyof typeof refs, DocumentSchema> = { diagnostic: diagnosticSchema, notes: projectNotesSchema, board: boardSchema };

/** A document as the server holds it: its schema applied by the server. */
export function serverDoc(kind: keyof typeof refs = 'diagnostic'): Y.Doc {
  const doc = new Y.Doc();
  migrateDocument(doc, SCHEMAS[kind]);
  return doc;
}

/** A client synced with `server`. */
export function replica(server: Y.Doc, options: { gc?: boolean } = {}): Y.Doc {
  const doc = new Y.Doc(options);
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
  return doc;
}

/** The update of one local transaction of `doc`. */
export function change(doc: Y.Doc, edit: (doc: Y.Doc) => void): Uint8Array {
  const updates: Uint8Array[] = [];
  const listener = (u: Uint8Array) => updates.push(u);
  doc.on('update', listener);
  try {
    doc.transact(() => edit(doc));
  } finally {
    doc.off('update', listener);
  }
  return updates.length === 1 ? updates[0] : Y.mergeUpdates(updates);
}

/**
 * Every local transaction of `edit` as its own update (as a provider sends them), joined into one update as
 * Y.mergeUpdates joins them (structs side by side, never merged into longer ones), but in linear time
 * (Y.mergeUpdates of 16,000 updates takes seconds).
 */
export function keystrokes(doc: Y.Doc, edit: (type: (step: (doc: Y.Doc) => void) => void) => void): Uint8Array {
  const updates: Uint8Array[] = [];
  const listener = (u: Uint8Array) => updates.push(u);
  doc.on('update', listener);
  try {
    edit((step) => doc.transact(() => step(doc)));
  } finally {
    doc.off('update', listener);
  }
  const structs: Struct[] = [];
  const deletes: [number, number, number][] = [];
  for (const update of updates) {
    const decoded = decode(update);
    structs.push(...decoded.structs);
    for (const [client, ranges] of decoded.ds) for (const { clock, len } of ranges) deletes.push([client, clock, len]);
  }
  return encodeUpdate(blocksOf(structs), deletes);
}

export function paragraph(text: string, attributes?: Record<string, unknown>): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  const t = new Y.XmlText();
  t.insert(0, text, attributes);
  element.insert(0, [t]);
  return element;
}

type Struct = Y.Item | Y.GC | Y.Skip;

export function decode(update: Uint8Array): { structs: Struct[]; ds: Map<number, { clock: number; len: number }[]> } {
  const { structs, ds } = Y.decodeUpdate(update) as unknown as { structs: Struct[]; ds: { clients: Map<number, { clock: number; len: number }[]> } };
  return { structs, ds: ds.clients };
}

/**
 * Encodes an update (v1) exactly as given: blocks of consecutive structs of one client each, then a delete set.
 * Lets a test forge what no Yjs encoder writes (a struct twice, a parent nobody has, a delete set without its items).
 */
export function encodeUpdate(blocks: Struct[][], deletes: [client: number, clock: number, len: number][] = []): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  encoding.writeVarUint(encoder.restEncoder, blocks.length);
  for (const block of blocks) {
    encoding.writeVarUint(encoder.restEncoder, block.length);
    encoder.writeClient(block[0].id.client);
    encoding.writeVarUint(encoder.restEncoder, block[0].id.clock);
    for (const struct of block) struct.write(encoder, 0);
  }
  const byClient = new Map<number, [number, number][]>();
  for (const [client, clock, len] of deletes) {
    const ranges = byClient.get(client);
    if (ranges) ranges.push([clock, len]);
    else byClient.set(client, [[clock, len]]);
  }
  encoding.writeVarUint(encoder.restEncoder, byClient.size);
  for (const [client, ranges] of byClient) {
    encoder.resetDsCurVal();
    encoding.writeVarUint(encoder.restEncoder, client);
    encoding.writeVarUint(encoder.restEncoder, ranges.length);
    for (const [clock, len] of ranges) {
      encoder.writeDsClock(clock);
      encoder.writeDsLen(len);
    }
  }
  return encoder.toUint8Array();
}

/** The structs of an update grouped by client, in the update's order: the blocks `encodeUpdate` takes. */
export function blocksOf(structs: Struct[]): Struct[][] {
  const blocks = new Map<number, Struct[]>();
  for (const s of structs) {
    const block = blocks.get(s.id.client);
    if (block) block.push(s);
    else blocks.set(s.id.client, [s]);
  }
  for (const block of blocks.values()) block.sort((a, b) => a.id.clock - b.id.clock);
  return [...blocks.values()];
}

/**
 * How one-character insertions are laid out so that Yjs cannot merge them into fewer structs:
 * - `keystrokes`: typed left to right, each keystroke its own update (as a provider sends them), merged with
 *   Y.mergeUpdates (which concatenates structs, it never joins them);
 * - `reverse`: each character typed before the previous one (an origin chain through right origins);
 * - `random`: each at a random place (seeded), like scattered edits.
 */
export type InsertionShape = 'keystrokes' | 'reverse' | 'random';

/**
 * One update of `count` one-character insertions into `text` (a type of `doc`), each its own struct: `count`
 * structs of about 10 bytes each. `doc` ends up holding them.
 */
export function unmergedInsertions(doc: Y.Doc, text: Y.Text, count: number, shape: InsertionShape): Uint8Array {
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const letter = (i: number) => String.fromCharCode(97 + (i % 26));
  return keystrokes(doc, (type) => {
    for (let i = 0; i < count; i++) {
      const at = shape === 'keystrokes' ? text.length : shape === 'reverse' ? 0 : Math.floor(random() * (text.length + 1));
      type(() => text.insert(at, letter(i)));
    }
  });
}
