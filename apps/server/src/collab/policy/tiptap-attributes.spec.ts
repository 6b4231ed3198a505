import { type AnyExtension, type JSONContent, Node, getSchema } from '@tiptap/core';
import { TableKit } from '@tiptap/extension-table';
import type { Schema } from '@tiptap/pm/model';
import StarterKit from '@tiptap/starter-kit';
import { prosemirrorJSONToYXmlFragment, updateYFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import {
  type DocumentRef,
  DocumentKind,
  PROJECT_NOTES,
  RICH_TEXT_MARKS,
  RICH_TEXT_NODES,
  RICH_TEXT_NODE_ATTRIBUTES,
  guideDocument,
  guideSchema,
  migrateDocument,
  sectionContentKey,
} from '@concerto/collab';
import { change, refs, replica, serverDoc } from '../../../testing/yjs-updates.js';
import { checkUpdate } from '../document-policy.js';

// Rich text written the way the web app writes it: a ProseMirror document of the editors' Tiptap schema, turned
// into Yjs by @tiptap/y-tiptap (the Collaboration extension's binding).

const LINK = { autolink: false, openOnClick: false, HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null } } as const;
/** The diagnostic's editor (apps/web/src/features/diagnostic/diagnostic-extensions.ts), without its browser-only parts. */
const diagnosticEditor: AnyExtension[] = [
  StarterKit.configure({
    undoRedo: false,
    heading: { levels: [2, 3, 4] },
    blockquote: false,
    code: false,
    codeBlock: false,
    strike: false,
    underline: false,
    horizontalRule: false,
    hardBreak: false,
    link: LINK,
  }),
  TableKit.configure({ table: { resizable: false } }),
];
/** The guide's live reference as a Tiptap node: an atom block whose attributes default to null (not stored). */
const LiveReference = Node.create({
  name: 'liveReference',
  group: 'block',
  atom: true,
  addAttributes: () => ({ kind: { default: null }, target: { default: null }, filter: { default: null }, from: { default: null }, to: { default: null } }),
});
/** The project notes' editor (apps/web/src/features/collab/collab-editor.tsx), plus tables and live references: every node and mark of the schema. */
const fullEditor: AnyExtension[] = [StarterKit.configure({ undoRedo: false, link: LINK }), TableKit, LiveReference];

const text = (value: string, marks?: JSONContent['marks']): JSONContent => ({ type: 'text', text: value, ...(marks ? { marks } : {}) });
const para = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const cell = (type: 'tableCell' | 'tableHeader', attrs: Record<string, unknown>, value: string): JSONContent => ({ type, attrs, content: [para(text(value))] });

/** Every node and mark of the shared schema, with each attribute Tiptap gives them. */
const everything: JSONContent = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [text('Titre')] },
    { type: 'heading', attrs: { level: 6 }, content: [text('Petit titre')] },
    para(
      text('gras', [{ type: 'bold' }]),
      text(' italique', [{ type: 'italic' }]),
      text(' souligné', [{ type: 'underline' }]),
      text(' barré', [{ type: 'strike' }]),
      text(' code', [{ type: 'code' }]),
      { type: 'hardBreak' },
      text('RTES', [
        { type: 'link', attrs: { href: 'https://www.rtes.fr', target: '_blank', rel: 'noopener', class: 'externe', title: 'Réseau' } },
        { type: 'bold' },
      ]),
      text(' écrire', [{ type: 'link', attrs: { href: 'mailto:contact@example.fr' } }]),
    ),
    { type: 'bulletList', content: [{ type: 'listItem', content: [para(text('un'))] }] },
    { type: 'orderedList', attrs: { start: 3, type: 'a' }, content: [{ type: 'listItem', content: [para(text('trois'))] }] },
    { type: 'blockquote', content: [para(text('cité'))] },
    { type: 'codeBlock', attrs: { language: 'typescript' }, content: [text('const a = 1;')] },
    { type: 'codeBlock', content: [text('sans langage')] },
    { type: 'horizontalRule' },
    {
      type: 'table',
      content: [
        { type: 'tableRow', content: [cell('tableHeader', { colspan: 2, colwidth: [120, 0], align: 'center' }, 'En-tête')] },
        { type: 'tableRow', content: [cell('tableCell', { rowspan: 2, colwidth: [80.5] }, 'A'), cell('tableCell', { align: 'right' }, 'B')] },
        { type: 'tableRow', content: [cell('tableCell', {}, 'C')] },
      ],
    },
  ],
};

/** The update of writing `json` into the fragment `field` through y-tiptap. */
function write(schema: Schema, client: Y.Doc, field: string, json: JSONContent): Uint8Array {
  return change(client, (d) => prosemirrorJSONToYXmlFragment(schema, json, d.getXmlFragment(field)));
}

/** The update of y-tiptap bringing the fragment to `json` (what its sync plugin does after each editor change). */
function edit(schema: Schema, client: Y.Doc, field: string, json: JSONContent): Uint8Array {
  const node = schema.nodeFromJSON(json);
  return change(client, (d) => updateYFragment(d, d.getXmlFragment(field), node, { mapping: new Map(), isOMark: new Map() }));
}

describe('rich-text attributes written by Tiptap through y-tiptap', () => {
  const full = getSchema(fullEditor);
  const diagnosticSchema = getSchema(diagnosticEditor);
  const section = sectionContentKey('grid-territory');

  it("uses exactly the schema's nodes, marks and attribute names", () => {
    expect(
      Object.keys(full.nodes)
        .filter((n) => n !== 'doc' && n !== 'text')
        .sort(),
    ).toEqual([...RICH_TEXT_NODES].sort());
    expect(Object.keys(full.marks).sort()).toEqual([...RICH_TEXT_MARKS].sort());
    for (const [name, type] of Object.entries(full.nodes)) {
      if (name === 'doc' || name === 'text') continue;
      expect([name, Object.keys(type.spec.attrs ?? {}).sort()]).toEqual([
        name,
        Object.keys(RICH_TEXT_NODE_ATTRIBUTES[name as keyof typeof RICH_TEXT_NODE_ATTRIBUTES]).sort(),
      ]);
    }
    // No mark may overlap itself, so y-tiptap never suffixes a mark's key with `--<hash>`.
    for (const mark of Object.values(full.marks)) expect(mark.excludes(mark)).toBe(true);
  });

  it('accepts every node and mark with its attributes, in project notes and in a diagnostic section', () => {
    for (const [kind, field] of [
      ['notes', PROJECT_NOTES],
      ['diagnostic', section],
    ] as const) {
      const server = serverDoc(kind);
      const client = replica(server);
      const update = write(full, client, field, everything);
      expect(checkUpdate(server, refs[kind], update, 'contributeur')).toBeUndefined();
      Y.applyUpdate(server, update);
      // What was stored reads back as the same document.
      expect(full.nodeFromJSON(yXmlFragmentToProsemirrorJSON(server.getXmlFragment(field))).eq(full.nodeFromJSON(everything))).toBe(true);
    }
  });

  it('stores attributes the way the schema expects them (what the checks are written for)', () => {
    const doc = new Y.Doc();
    prosemirrorJSONToYXmlFragment(full, everything, doc.getXmlFragment('f'));
    const [heading, , marks, , ordered, , code, bare, , table] = doc.getXmlFragment('f').toArray() as Y.XmlElement[];
    expect(heading.getAttributes()).toEqual({ level: 1 });
    expect(ordered.getAttributes()).toEqual({ start: 3, type: 'a' });
    expect(code.getAttributes()).toEqual({ language: 'typescript' });
    expect(bare.getAttributes()).toEqual({}); // null attributes are not stored
    const header = (table.get(0) as Y.XmlElement).get(0) as Y.XmlElement;
    expect(header.getAttributes()).toEqual({ colspan: 2, rowspan: 1, colwidth: [120, 0], align: 'center' });
    type Run = { insert: string; attributes?: Record<string, unknown> };
    const [before, hardBreak, after] = marks.toArray() as [Y.XmlText, Y.XmlElement, Y.XmlText];
    expect(hardBreak.nodeName).toBe('hardBreak');
    expect((before.toDelta() as Run[])[0].attributes).toEqual({ bold: {} });
    expect((after.toDelta() as Run[]).find((r) => r.insert === ' écrire')!.attributes).toEqual({
      link: { href: 'mailto:contact@example.fr', target: null, rel: 'noopener noreferrer nofollow', class: null, title: null },
    });
  });

  it('accepts live references in a guide section as y-tiptap stores them (absent attributes not stored), and only there', () => {
    const owner = '00000000-0000-4000-8000-000000000003';
    const guideRef: DocumentRef = { kind: DocumentKind.guide, ownerId: owner, name: guideDocument(owner) };
    const server = new Y.Doc();
    migrateDocument(server, guideSchema);
    const field = sectionContentKey('figures');
    const json: JSONContent = {
      type: 'doc',
      content: [
        para(text('Repères')),
        { type: 'liveReference', attrs: { kind: 'funding_table', from: 2019, to: 2023 } },
        { type: 'liveReference', attrs: { kind: 'poles' } },
      ],
    };
    const update = edit(full, replica(server), field, json);
    expect(checkUpdate(server, guideRef, update, 'contributeur')).toBeUndefined();
    Y.applyUpdate(server, update);
    const [, years, poles] = server.getXmlFragment(field).toArray() as Y.XmlElement[];
    expect(years.getAttributes()).toEqual({ kind: 'funding_table', from: 2019, to: 2023 });
    expect(poles.getAttributes()).toEqual({ kind: 'poles' });
    const notes = serverDoc('notes');
    expect(checkUpdate(notes, refs.notes, write(full, replica(notes), PROJECT_NOTES, json), 'contributeur')).toBe('invalid_content');
  });

  it("accepts the diagnostic editor's own writes and changes (levels, links, tables, lists)", () => {
    const server = serverDoc();
    const client = replica(server);
    const send = (update: Uint8Array) => {
      const violation = checkUpdate(server, refs.diagnostic, update, 'contributeur');
      if (!violation) Y.applyUpdate(server, update);
      return violation;
    };
    const v1: JSONContent = { type: 'doc', content: [{ type: 'heading', attrs: { level: 2 }, content: [text('Constats')] }, para(text('Voir le site'))] };
    expect(send(write(diagnosticSchema, client, section, v1))).toBeUndefined();
    const v2: JSONContent = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 3 }, content: [text('Constats')] },
        para(text('Voir '), text('le site', [{ type: 'link', attrs: { href: 'https://www.rtes.fr' } }])),
        { type: 'orderedList', attrs: { start: 2 }, content: [{ type: 'listItem', content: [para(text('deux'))] }] },
        { type: 'table', content: [{ type: 'tableRow', content: [cell('tableCell', { colspan: 1, colwidth: [150] }, 'A')] }] },
      ],
    };
    expect(send(edit(diagnosticSchema, client, section, v2))).toBeUndefined();
    const v3: JSONContent = { ...v2, content: [{ type: 'heading', attrs: { level: 4 }, content: [text('Constats')] }, para(text('Voir le site'))] };
    expect(send(edit(diagnosticSchema, client, section, v3))).toBeUndefined();
    expect(yXmlFragmentToProsemirrorJSON(server.getXmlFragment(section))).toEqual(yXmlFragmentToProsemirrorJSON(client.getXmlFragment(section)));
  });

  it.each<[string, JSONContent]>([
    ['a heading level 7', { type: 'heading', attrs: { level: 7 }, content: [text('x')] }],
    ['a heading level that is a string payload', { type: 'heading', attrs: { level: '2" onmouseover="alert(1)' }, content: [text('x')] }],
    ['a list start that is not an integer', { type: 'orderedList', attrs: { start: 1.5 }, content: [{ type: 'listItem', content: [para(text('x'))] }] }],
    [
      'a list type outside HTML',
      { type: 'orderedList', attrs: { type: 'disc; background:url(x)' }, content: [{ type: 'listItem', content: [para(text('x'))] }] },
    ],
    ['a code language with spaces', { type: 'codeBlock', attrs: { language: 'js onload=x' }, content: [text('x')] }],
    ['a colspan of 0', { type: 'table', content: [{ type: 'tableRow', content: [cell('tableCell', { colspan: 0 }, 'x')] }] }],
    ['a colspan as text', { type: 'table', content: [{ type: 'tableRow', content: [cell('tableCell', { colspan: '2' }, 'x')] }] }],
    ['column widths that are not numbers', { type: 'table', content: [{ type: 'tableRow', content: [cell('tableCell', { colwidth: ['100px'] }, 'x')] }] }],
    ['an alignment outside left/right/center', { type: 'table', content: [{ type: 'tableRow', content: [cell('tableHeader', { align: 'justify' }, 'x')] }] }],
    ['a link to javascript:', para(text('x', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }]))],
    ['a link whose class is an object', para(text('x', [{ type: 'link', attrs: { href: 'https://a.fr', class: { toString: 'x' } } }]))],
    ['a link title of 5,000 characters', para(text('x', [{ type: 'link', attrs: { href: 'https://a.fr', title: 'x'.repeat(5000) } }]))],
  ])('refuses %s written through the real binding', (_what, node) => {
    const server = serverDoc('notes');
    const update = write(full, replica(server), PROJECT_NOTES, { type: 'doc', content: [node] });
    expect(checkUpdate(server, refs.notes, update, 'contributeur')).toBe('invalid_content');
  });

  it.each<[string, (f: Y.XmlFragment) => void]>([
    ['an event handler on a paragraph', (f) => (f.get(0) as Y.XmlElement).setAttribute('onclick', 'alert(1)')],
    ['a style on a heading', (f) => (f.get(1) as Y.XmlElement).setAttribute('style', 'position:fixed;inset:0')],
    ['a level on a paragraph', (f) => (f.get(0) as Y.XmlElement).setAttribute('level', 2 as unknown as string)],
    ['an attribute named after Object.prototype', (f) => (f.get(0) as Y.XmlElement).setAttribute('constructor', 'x')],
    ['an attribute named __proto__', (f) => (f.get(1) as Y.XmlElement).setAttribute('__proto__', { level: 2 } as unknown as string)],
    ['binary data as an attribute', (f) => (f.get(1) as Y.XmlElement).setAttribute('level', new Uint8Array([2]) as unknown as string)],
    ['an attribute on a text node', (f) => ((f.get(0) as Y.XmlElement).get(0) as Y.XmlText).setAttribute('style', 'x')],
    ['a bold mark with attributes', (f) => ((f.get(0) as Y.XmlElement).get(0) as Y.XmlText).format(0, 1, { bold: { style: 'x' } })],
    [
      'a link mark with an unknown attribute',
      (f) => ((f.get(0) as Y.XmlElement).get(0) as Y.XmlText).format(0, 1, { link: { href: 'https://a.fr', onclick: 'x' } }),
    ],
    ['a hashed (overlapping) mark key', (f) => ((f.get(0) as Y.XmlElement).get(0) as Y.XmlText).format(0, 1, { 'bold--AbCdEf12': {} })],
  ])('refuses %s set on content the server has', (_what, forge) => {
    const server = serverDoc('notes');
    const base: JSONContent = { type: 'doc', content: [para(text('texte')), { type: 'heading', attrs: { level: 2 }, content: [text('titre')] }] };
    Y.applyUpdate(server, write(full, replica(server), PROJECT_NOTES, base));
    const update = change(replica(server), (d) => forge(d.getXmlFragment(PROJECT_NOTES)));
    expect(checkUpdate(server, refs.notes, update, 'contributeur')).toBe('invalid_content');
  });
});
