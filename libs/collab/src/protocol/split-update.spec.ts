import * as Y from 'yjs';
import { deletionOf, splitUpdate } from './split-update.js';

/** Applies pieces one by one; each must integrate fully (nothing left waiting for a later piece). */
function applyPieces(target: Y.Doc, pieces: Uint8Array[]): void {
  for (const piece of pieces) {
    Y.applyUpdate(target, piece);
    expect(target.store.pendingStructs).toBeNull();
    expect(target.store.pendingDs).toBeNull();
  }
}

const sync = (from: Y.Doc, to: Y.Doc) => Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));

describe('splitUpdate', () => {
  it('returns an update that fits as it is', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'court');
    const update = Y.encodeStateAsUpdate(doc);
    expect(splitUpdate(update, 1024)).toEqual([update]);
  });

  it('cuts a long pasted text into pieces within the limit that rebuild the same document', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('section');
    const paragraph = new Y.XmlElement('paragraph');
    fragment.insert(0, [paragraph]);
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    const base = Y.encodeStateAsUpdate(doc);
    // 200 000 characters with accents and emoji (surrogate pairs) in one struct.
    text.insert(0, 'Économie sociale et solidaire 🌍 — '.repeat(6000), { bold: {} });
    const server = new Y.Doc();
    Y.applyUpdate(server, base);
    const diff = Y.encodeStateAsUpdate(doc, Y.encodeStateVector(server));
    const pieces = splitUpdate(diff, 16 * 1024);
    expect(pieces.length).toBeGreaterThan(10);
    for (const piece of pieces) expect(piece.byteLength).toBeLessThanOrEqual(16 * 1024);
    applyPieces(server, pieces);
    expect(server.getXmlFragment('section').toString()).toBe(fragment.toString());
    expect(server.getXmlFragment('section').toString()).not.toContain('\ufffd');
  });

  it('orders the structs of several clients so that each piece depends only on what came before', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const c = new Y.Doc();
    const server = new Y.Doc();
    // Three writers taking turns, each continuing after the others' text: dependencies cross clients.
    for (let round = 0; round < 30; round++) {
      for (const [doc, word] of [
        [a, 'alpha '],
        [b, 'bravo '],
        [c, 'charlie '],
      ] as const) {
        const text = doc.getText('t');
        text.insert(text.length, word.repeat(40));
        if (round % 3 === 0) text.delete(0, 3);
        sync(doc, a);
        sync(doc, b);
        sync(doc, c);
      }
    }
    const diff = Y.encodeStateAsUpdate(c, Y.encodeStateVector(server));
    const pieces = splitUpdate(diff, 2048);
    expect(pieces.length).toBeGreaterThan(5);
    applyPieces(server, pieces);
    expect(server.getText('t').toString()).toBe(c.getText('t').toString());
  });

  it('carries the delete set so that deletions arrive too', () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    text.insert(0, 'x'.repeat(50_000));
    text.delete(100, 20_000);
    const server = new Y.Doc();
    applyPieces(server, splitUpdate(Y.encodeStateAsUpdate(doc), 8 * 1024));
    expect(server.getText('t').toString()).toBe(text.toString());
  });
});

describe('deletionOf', () => {
  it('deletes, where it was applied, what an update inserted', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'gardé ');
    const before = Y.encodeStateVector(doc);
    doc.getText('t').insert(6, 'refusé');
    const refused = Y.encodeStateAsUpdate(doc, before);
    Y.applyUpdate(doc, deletionOf(refused));
    expect(doc.getText('t').toString()).toBe('gardé ');
  });
});
