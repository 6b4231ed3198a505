import * as Y from 'yjs';
import { PROJECT_NOTES, sectionContentKey, BOARD_NOTES, PROJECT_JOURNAL } from '@concerto/collab';
import type { SpaceRole } from '@concerto/domain';
import { change, decode, paragraph, refs, replica, serverDoc } from '../../testing/yjs-updates.js';
import { SECTION, send, sectionText, sections } from '../../testing/policy-checks.js';

const contributeur: SpaceRole = 'contributeur';
const animateur: SpaceRole = 'animateur';

describe('checkUpdate', () => {
  describe('rich text within the schema (as before)', () => {
    it("accepts a contributor's text, marks and safe links in a section, and in project notes", () => {
      const server = serverDoc();
      const client = replica(server);
      const update = change(client, (d) =>
        sectionText(d).insert(0, [
          paragraph('Emplois ', { bold: {} }),
          paragraph('RTES', { link: { href: 'https://www.rtes.fr', target: null, rel: 'noopener noreferrer nofollow', class: null, title: null } }),
        ]),
      );
      expect(send(server, update)).toBeUndefined();
      expect(sectionText(server).toString()).toContain('RTES');

      const notes = serverDoc('notes');
      expect(
        send(
          notes,
          change(replica(notes), (d) => d.getXmlFragment(PROJECT_NOTES).insert(0, [paragraph('Compte rendu')])),
          contributeur,
          refs.notes,
        ),
      ).toBeUndefined();
    });

    it.each([
      ['an unknown node', (d: Y.Doc) => sectionText(d).insert(0, [new Y.XmlElement('script')])],
      ['a link to javascript:', (d: Y.Doc) => sectionText(d).insert(0, [paragraph('piège', { link: { href: 'javascript:alert(1)' } })])],
      ['a link without href', (d: Y.Doc) => sectionText(d).insert(0, [paragraph('piège', { link: true })])],
      ['an unknown mark', (d: Y.Doc) => sectionText(d).insert(0, [paragraph('x', { font: { family: 'Comic' } })])],
      ['an embed', (d: Y.Doc) => d.getText('body').insertEmbed(0, { image: 'https://evil.example/x.png' })],
      ['a mark outside rich text too', (d: Y.Doc) => d.getText('body').insert(0, 'x', { script: true })],
    ])('refuses %s (invalid_content) and the document is untouched', (_what, edit) => {
      const server = serverDoc();
      const before = Y.encodeStateAsUpdate(server);
      expect(send(server, change(replica(server), edit))).toBe('invalid_content');
      expect(Y.encodeStateAsUpdate(server)).toEqual(before);
    });

    it('accepts plain Yjs text formatting (true) outside rich text', () => {
      const server = serverDoc();
      expect(
        send(
          server,
          change(replica(server), (d) => d.getText('body').insert(0, 'gras', { bold: true, italic: null })),
        ),
      ).toBeUndefined();
    });
  });

  describe('the shape of rich text', () => {
    it.each([
      ['a map in a section', (d: Y.Doc) => sectionText(d).insert(0, [new Y.XmlHook('hook') as unknown as Y.XmlElement])],
      [
        'an attribute on a text node',
        (d: Y.Doc) => {
          const text = new Y.XmlText('x');
          sectionText(d).insert(0, [text]);
          text.setAttribute('onclick', 'alert(1)');
        },
      ],
      ['an attribute on the section itself', (d: Y.Doc) => d.getMap(sectionContentKey(SECTION)).set('onclick', 'alert(1)')],
      ['text straight in a section', (d: Y.Doc) => d.getText(sectionContentKey(SECTION)).insert(0, 'nu')],
      [
        'an attribute outside the schema',
        (d: Y.Doc) => {
          const p = paragraph('x');
          p.setAttribute('onclick', 'alert(1)');
          sectionText(d).insert(0, [p]);
        },
      ],
      [
        'a heading level that is a payload',
        (d: Y.Doc) => {
          const h = new Y.XmlElement('heading');
          h.setAttribute('level', '<img src=x onerror=alert(1)>');
          sectionText(d).insert(0, [h]);
        },
      ],
      [
        'an attribute holding a shared type',
        (d: Y.Doc) => {
          const p = paragraph('x');
          sectionText(d).insert(0, [p]);
          (p as unknown as Y.XmlElement<{ style: Y.Map<unknown> }>).setAttribute('style', new Y.Map());
        },
      ],
    ])('refuses %s', (_what, edit) => {
      const server = serverDoc();
      expect(send(server, change(replica(server), edit))).toBe('invalid_content');
    });

    it('refuses an attribute added later to an element the document has', () => {
      const server = serverDoc();
      const client = replica(server);
      expect(
        send(
          server,
          change(client, (d) => sectionText(d).insert(0, [paragraph('x')])),
        ),
      ).toBeUndefined();
      expect(
        send(
          server,
          change(client, (d) => (sectionText(d).get(0) as Y.XmlElement).setAttribute('style', 'position:fixed')),
        ),
      ).toBe('invalid_content');
      // A client whose edit was refused resyncs before going on (what it built on that edit would stay pending).
      const next = replica(server);
      const heading = new Y.XmlElement('heading');
      expect(
        send(
          server,
          change(next, (d) => sectionText(d).insert(1, [heading])),
        ),
      ).toBeUndefined();
      expect(
        send(
          server,
          change(next, () => heading.setAttribute('level', 9 as unknown as string)),
        ),
      ).toBe('invalid_content');
      const last = replica(server);
      const level = (d: Y.Doc) => (sectionText(d).get(1) as Y.XmlElement).setAttribute('level', 3 as unknown as string);
      expect(send(server, change(last, level))).toBeUndefined();
      expect((sectionText(server).get(1) as Y.XmlElement).getAttribute('level')).toBe(3);
    });

    it("leaves maps, arrays and texts that are not rich text alone (board, journal, a diagnostic's other keys)", () => {
      const board = serverDoc('board');
      const edit = change(replica(board), (d) => {
        const note = new Y.Map<unknown>();
        d.getMap<Y.Map<unknown>>(BOARD_NOTES).set('n1', note);
        for (const [k, v] of Object.entries({ text: 'Idée', onclick: 'x', style: { color: 'red' }, x: 1.5 })) note.set(k, v);
      });
      expect(send(board, edit, contributeur, refs.board)).toBeUndefined();
      expect(
        send(
          board,
          change(replica(board), (d) => (d.getMap<Y.Map<unknown>>(BOARD_NOTES).get('n1') as Y.Map<unknown>).set('text', 'Idée 2')),
          contributeur,
          refs.board,
        ),
      ).toBeUndefined();

      const notes = serverDoc('notes');
      const journal = change(replica(notes), (d) => d.getArray(PROJECT_JOURNAL).push([new Y.Map(Object.entries({ at: 1, authorId: 'a', text: 'x' }))]));
      expect(send(notes, journal, contributeur, refs.notes)).toBeUndefined();

      const diagnostic = serverDoc();
      expect(
        send(
          diagnostic,
          change(replica(diagnostic), (d) => d.getMap('echo').set('level', '<b>')),
        ),
      ).toBeUndefined();
    });
  });

  describe('sections: animateurs only', () => {
    const edits: [string, (d: Y.Doc) => void][] = [
      ['add', (d) => sections(d).push([new Y.Map(Object.entries({ id: 'custom-x', kind: 'custom', key: 'x', title: 'X', archived: false }))])],
      ['rename', (d) => sections(d).get(0).set('title', 'Renommé')],
      ['archive', (d) => sections(d).get(0).set('archived', true)],
      ['remove', (d) => sections(d).delete(0, 1)],
      [
        'reorder',
        (d) => {
          const first = sections(d).get(0).toJSON();
          sections(d).delete(0, 1);
          sections(d).insert(3, [new Y.Map(Object.entries(first))]);
        },
      ],
    ];

    it.each(edits)('refuses a contributor who would %s a section, accepts an animateur', (_what, edit) => {
      const server = serverDoc();
      expect(send(server, change(replica(server), edit), contributeur)).toBe('not_allowed');
      expect(send(server, change(replica(server), edit), animateur)).toBeUndefined();
    });

    it('accepts a contributor whose sync step 2 carries the deletions an animateur already made in sections', () => {
      const server = serverDoc();
      const contributor = replica(server);
      const facilitator = replica(server);
      for (const [, edit] of edits) expect(send(server, change(facilitator, edit), animateur)).toBeUndefined();
      Y.applyUpdate(contributor, Y.encodeStateAsUpdate(server));
      // Offline, the contributor writes; at the resync it sends what the server lacks, with its whole delete set.
      contributor.transact(() => sectionText(contributor).insert(0, [paragraph('hors ligne')]));
      const step2 = Y.encodeStateAsUpdate(contributor, Y.encodeStateVector(server));
      expect(decode(step2).ds.size).toBeGreaterThan(0);
      expect(send(server, step2)).toBeUndefined();
      expect(sectionText(server).toString()).toContain('hors ligne');
      // Deleting what is still live stays refused.
      expect(
        send(
          server,
          change(contributor, (d) => sections(d).delete(0, 1)),
        ),
      ).toBe('not_allowed');
    });

    it('accepts a contributor resending what the server already has, sections included', () => {
      const server = serverDoc();
      const client = replica(server);
      client.transact(() => sectionText(client).insert(0, [paragraph('texte')]));
      expect(send(server, Y.encodeStateAsUpdate(client))).toBeUndefined();
      expect(send(server, Y.encodeStateAsUpdate(client))).toBeUndefined();
    });
  });
});
