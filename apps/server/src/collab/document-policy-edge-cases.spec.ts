import * as Y from 'yjs';
import { readSections, BOARD_NOTES } from '@concerto/collab';
import type { SpaceRole } from '@concerto/domain';
import {
  blocksOf,
  change,
  decode,
  encodeUpdate,
  paragraph,
  refs,
  replica,
  serverDoc,
  unmergedInsertions,
  type InsertionShape,
} from '../../testing/yjs-updates.js';
import { send, sectionText, sections } from '../../testing/policy-checks.js';
import { checkUpdate } from './document-policy.js';
import { MalformedUpdateError } from './policy/update-structs.js';

const contributeur: SpaceRole = 'contributeur';

describe('checkUpdate: inert items, unresolved parents, malformed and many-struct updates', () => {
  describe('inert items: tombstones and deleted content', () => {
    it.each([true, false])('accepts a refused new section rolled back and resent as tombstones (client gc: %s)', (gc) => {
      const server = serverDoc();
      const client = replica(server, { gc });
      const added = change(client, (d) =>
        sections(d).push([new Y.Map(Object.entries({ id: 'custom-x', kind: 'custom', key: 'x', title: 'X', archived: false }))]),
      );
      expect(send(server, added)).toBe('not_allowed');
      // The client undoes it locally, then resyncs: its step 2 holds the section, deleted.
      client.transact(() => sections(client).delete(sections(client).length - 1, 1));
      expect(send(server, Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)))).toBeUndefined();
      expect(readSections(server)).toHaveLength(20);
    });

    it.each([true, false])('accepts refused content rolled back (client gc: %s): nothing of it is visible', (gc) => {
      const server = serverDoc();
      const client = replica(server, { gc });
      const hostile = change(client, (d) => {
        const p = paragraph('piège', { link: { href: 'javascript:alert(1)' } });
        p.setAttribute('onclick', 'alert(1)');
        sectionText(d).insert(0, [p, new Y.XmlElement('script')]);
      });
      expect(send(server, hostile)).toBe('invalid_content');
      client.transact(() => sectionText(client).delete(0, sectionText(client).length));
      const resend = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
      expect(send(server, resend)).toBeUndefined();
      expect(sectionText(server).toString()).toBe('');
    });

    it('still refuses what the update deletes only in part', () => {
      const server = serverDoc();
      const update = change(replica(server), (d) => (sections(d) as unknown as Y.Array<string>).push(['intrus', 'intrus']));
      const { structs } = decode(update);
      const values = structs.find((s): s is Y.Item => s instanceof Y.Item && s.content instanceof Y.ContentAny)!;
      expect(values.length).toBe(2);
      expect(send(server, encodeUpdate(blocksOf(structs), [[values.id.client, values.id.clock, 1]]))).toBe('not_allowed');
      expect(send(server, encodeUpdate(blocksOf(structs), [[values.id.client, values.id.clock, 2]]))).toBeUndefined();
      expect(readSections(server)).toHaveLength(20);
    });

    it('refuses a tombstone that would replace a live section entry', () => {
      const server = serverDoc();
      const client = replica(server);
      const rename = change(client, (d) => sections(d).get(0).set('title', 'Renommé'));
      const { structs } = decode(rename);
      const entry = structs.find((s): s is Y.Item => s instanceof Y.Item && s.parentSub === null && s.origin !== null)!;
      // The new title, deleted by its own update, without deleting the old one explicitly: integrating it still
      // deletes the live title it is placed after.
      const forged = encodeUpdate(blocksOf(structs), [[entry.id.client, entry.id.clock, entry.length]]);
      expect(send(server, forged)).toBe('not_allowed');
      expect(readSections(server)[0].title).not.toBe('Renommé');
    });

    it('accepts an attribute written into an element the server has garbage-collected: Yjs drops it', () => {
      const server = serverDoc();
      const stale = replica(server);
      expect(
        send(
          server,
          change(stale, (d) => sectionText(d).insert(0, [paragraph('x')])),
        ),
      ).toBeUndefined();
      const fresh = replica(server);
      expect(
        send(
          server,
          change(fresh, (d) => sectionText(d).delete(0, 1)),
        ),
      ).toBeUndefined();
      const late = change(stale, (d) => (sectionText(d).get(0) as Y.XmlElement).setAttribute('onclick', 'alert(1)'));
      expect(send(server, late)).toBeUndefined();
      expect(sectionText(server).length).toBe(0);
    });
  });

  describe('items whose parent cannot be resolved', () => {
    const orphan = (server: Y.Doc, content: (d: Y.Doc) => void) => {
      // The client builds on something the server never got (e.g. an update it refused).
      const client = replica(server);
      client.transact(() => sectionText(client).insert(0, [paragraph('base')]));
      const before = Y.encodeStateVector(client);
      client.transact(() => content(client));
      return Y.encodeStateAsUpdate(client, before);
    };

    it('leaves them to the caller (undefined): applied, they stay pending, which the caller refuses', () => {
      const server = serverDoc();
      const update = orphan(server, (d) => ((sectionText(d).get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(4, ' suite'));
      expect(checkUpdate(server, refs.diagnostic, update, contributeur)).toBeUndefined();
      Y.applyUpdate(server, update);
      expect(server.store.pendingStructs).not.toBeNull();
    });

    it('still refuses what is forbidden wherever it goes', () => {
      const server = serverDoc();
      const update = orphan(server, (d) => (sectionText(d).get(0) as Y.XmlElement).insert(0, [new Y.XmlElement('iframe')]));
      expect(checkUpdate(server, refs.diagnostic, update, contributeur)).toBe('invalid_content');
    });

    it('leaves deletions of clocks the server lacks pending too', () => {
      const server = serverDoc();
      const forged = encodeUpdate([], [[123456, 0, 5]]);
      expect(checkUpdate(server, refs.diagnostic, forged, contributeur)).toBeUndefined();
      Y.applyUpdate(server, forged);
      expect(server.store.pendingDs).not.toBeNull();
    });
  });

  describe('malformed updates', () => {
    it('throws on a struct written twice (Yjs would apply only one of them)', () => {
      const server = serverDoc();
      const { structs } = decode(change(replica(server), (d) => sectionText(d).insert(0, [paragraph('x')])));
      const blocks = blocksOf(structs);
      expect(() => checkUpdate(server, refs.diagnostic, encodeUpdate([...blocks, ...blocks]), contributeur)).toThrow(MalformedUpdateError);
    });

    it('throws on a reference to a later struct of the same client', () => {
      const server = serverDoc();
      const { structs } = decode(change(replica(server), (d) => d.getText('body').insert(0, 'ab')));
      const text = structs[0] as Y.Item;
      const second = new Y.Item(
        Y.createID(text.id.client, text.id.clock + text.length),
        null,
        Y.createID(text.id.client, text.id.clock + 5),
        null,
        null,
        null,
        null,
        new Y.ContentString('c'),
      );
      expect(() => checkUpdate(server, refs.diagnostic, encodeUpdate([[text, second]]), contributeur)).toThrow(MalformedUpdateError);
    });
  });

  describe('updates of many unmerged structs (each insertion its own struct)', () => {
    const shapes: InsertionShape[] = ['keystrokes', 'reverse', 'random'];

    it.each(shapes)('checks 4,000 one-character insertions (%s) in a section, and finds the bad one at the end', (shape) => {
      const server = serverDoc();
      const client = replica(server);
      client.transact(() => sectionText(client).insert(0, [paragraph('')]));
      const text = (sectionText(client).get(0) as Y.XmlElement).get(0) as Y.XmlText;
      expect(send(server, Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)))).toBeUndefined();
      const update = unmergedInsertions(client, text, 4000, shape);
      expect(decode(update).structs.length).toBe(4000);
      expect(checkUpdate(server, refs.diagnostic, update, contributeur)).toBeUndefined();

      const hostile = unmergedInsertions(client, text, 4000, shape);
      const link = change(client, () => text.format(0, 1, { link: { href: 'javascript:alert(1)' } }));
      const both = encodeUpdate(blocksOf([...decode(hostile).structs, ...decode(link).structs]));
      expect(checkUpdate(server, refs.diagnostic, Y.mergeUpdates([update, both]), contributeur)).toBe('invalid_content');
    });

    it('checks a chain of 16,000 insertions (gc off, one transaction each) without recursion', () => {
      const server = serverDoc();
      const client = replica(server, { gc: false });
      const before = Y.encodeStateVector(client);
      const text = client.getText('body');
      for (let i = 0; i < 16_000; i++) client.transact(() => text.insert(0, 'x'));
      const update = Y.encodeStateAsUpdate(client, before);
      expect(decode(update).structs.length).toBe(16_000);
      expect(send(server, update, contributeur)).toBeUndefined();
      expect(server.getText('body').length).toBe(16_000);
    });

    it('checks 4,000 attributes set one after the other (a map entry chain) on a board', () => {
      const board = serverDoc('board');
      const client = replica(board);
      const update = change(client, (d) => {
        const note = new Y.Map<unknown>();
        d.getMap<Y.Map<unknown>>(BOARD_NOTES).set('n', note);
      });
      expect(send(board, update, contributeur, refs.board)).toBeUndefined();
      const moves: Uint8Array[] = [];
      client.on('update', (u: Uint8Array) => moves.push(u));
      for (let i = 0; i < 4000; i++) (client.getMap<Y.Map<unknown>>(BOARD_NOTES).get('n') as Y.Map<unknown>).set('x', i);
      const blocks = blocksOf(moves.flatMap((m) => decode(m).structs));
      const deletes = moves.flatMap((m) => [...decode(m).ds].flatMap(([c, rs]) => rs.map((r): [number, number, number] => [c, r.clock, r.len])));
      expect(send(board, encodeUpdate(blocks, deletes), contributeur, refs.board)).toBeUndefined();
      expect((board.getMap<Y.Map<unknown>>(BOARD_NOTES).get('n') as Y.Map<unknown>).get('x')).toBe(3999);
    });
  });
});
