import * as Y from 'yjs';
import type { GuideReferenceAttributes, ResolvedReference } from '@concerto/domain';
import { readSections, sectionContentKey } from './diagnostic-doc.js';
import { migrateDocument } from './document-schema.js';
import { type GuideSection, guideSchema } from './guide-doc.js';
import { LIVE_REFERENCE, describeReference, referenceAttributes, referenceKey, referencesIn } from './live-reference.js';
import { isAllowedNodeAttribute, richTextToMarkdown } from './rich-text.js';
import { richTextToBlocks } from './rich-text-blocks.js';

const TESTIMONY = '6f1c1d2e-4a7b-4c8d-9e0f-112233445566';

const newGuide = () => {
  const doc = new Y.Doc();
  migrateDocument(doc, guideSchema);
  return doc;
};

const text = (name: string, value: string, attributes?: Record<string, unknown>) => {
  const element = new Y.XmlElement(name);
  const t = new Y.XmlText();
  t.insert(0, value, attributes);
  element.insert(0, [t]);
  return element;
};

const reference = (attributes: Record<string, unknown>) => {
  const element = new Y.XmlElement(LIVE_REFERENCE);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value as string);
  return element;
};

/** A resolver that says what it was asked, so that a test sees which attributes reached it. */
const echo = (attributes: GuideReferenceAttributes | null): ResolvedReference =>
  attributes ? { kind: 'testimonies', readAt: 'now', filter: attributes.filter ?? null, testimonies: [] } : { kind: 'missing', readAt: 'now' };

describe('the guide document', () => {
  it('starts with the study’s structure, its lists and figures as live references', () => {
    const doc = newGuide();
    const sections = readSections<GuideSection>(doc);
    expect(sections.map((s) => s.kind)).toEqual(['custom', 'territory', 'stages', 'levers', 'testimonies', 'analyses', 'recommendations', 'figures']);
    expect(sections[2].title).toBe('Les étapes où les collectivités contribuent');
    expect(referencesIn(doc.getXmlFragment(sectionContentKey('territory')))).toEqual([{ kind: 'poles' }]);
    const stages = referencesIn(doc.getXmlFragment(sectionContentKey('stages')));
    expect(stages).toHaveLength(7);
    expect(stages[0]).toEqual({ kind: 'testimonies', filter: 'stage:detection' });
    const levers = doc.getXmlFragment(sectionContentKey('levers'));
    expect(referencesIn(levers)).toHaveLength(8);
    expect(richTextToMarkdown(levers)).toContain('### Levier 1 — Faire œuvre de pédagogie sur l');
    expect(referencesIn(doc.getXmlFragment(sectionContentKey('figures')))).toEqual([{ kind: 'funding_table' }, { kind: 'panorama' }]);
  });

  it('is the same skeleton wherever it is made: two first loads merge into one', () => {
    const [a, b] = [newGuide(), newGuide()];
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    expect(readSections(a)).toHaveLength(8);
    expect(referencesIn(a.getXmlFragment(sectionContentKey('figures')))).toHaveLength(2);
    expect(richTextToMarkdown(a.getXmlFragment(sectionContentKey('custom-introduction')))).toBe(
      richTextToMarkdown(b.getXmlFragment(sectionContentKey('custom-introduction'))),
    );
  });

  it('is not rebuilt over an existing guide', () => {
    const doc = newGuide();
    doc.getArray('sections').delete(0, 8);
    doc.getMap('meta').delete('schemaVersion');
    migrateDocument(doc, guideSchema);
    expect(readSections(doc)).toHaveLength(0);
  });
});

describe('liveReference attributes', () => {
  it('are checked exactly like the contract, a year also as its digits', () => {
    const ok: [string, unknown][] = [
      ['kind', 'funding_table'],
      ['target', TESTIMONY],
      ['filter', 'lever:pedagogy'],
      ['filter', 'stage:rural'],
      ['from', 2020],
      ['to', '2023'],
    ];
    for (const [name, value] of ok) expect(isAllowedNodeAttribute(LIVE_REFERENCE, name, value)).toBe(true);
    const refused: [string, unknown][] = [
      ['kind', 'secrets'],
      ['kind', null],
      ['target', 'not-a-uuid'],
      ['target', 42],
      ['filter', 'lever:nothing'],
      ['filter', 'stage:'],
      ['from', 1899],
      ['from', 2020.5],
      ['to', '20230'],
      ['to', 'javascript:alert(1)'],
      ['href', 'https://example.org'],
      ['constructor', 'x'],
    ];
    for (const [name, value] of refused) expect(isAllowedNodeAttribute(LIVE_REFERENCE, name, value)).toBe(false);
  });

  it('read back as the contract’s value, or null when they do not make a valid reference', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('f');
    fragment.insert(0, [reference({ kind: 'funding_table', from: '2019', to: 2023 }), reference({ kind: 'nothing' }), reference({})]);
    const [first, second, third] = fragment.toArray() as Y.XmlElement[];
    expect(referenceAttributes(first)).toEqual({ kind: 'funding_table', from: 2019, to: 2023 });
    expect(referenceAttributes(second)).toBeNull();
    expect(referenceAttributes(third)).toBeNull();
    expect(referenceKey(referenceAttributes(first))).toBe('kind=funding_table&target=&filter=&from=2019&to=2023');
  });

  it('are worded in text-only outputs', () => {
    expect(describeReference({ kind: 'testimonies', filter: 'stage:support' }, 'fr')).toBe('Référence vivante : Témoignages validés — Accompagnement');
    expect(describeReference({ kind: 'funding_table', from: 2020, to: 2023 }, 'en')).toBe('Live reference: Funding table, 2020–2023');
    expect(describeReference(null, 'fr')).toBe('Référence vivante : invalide');
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('f');
    fragment.insert(0, [reference({ kind: 'panorama' })]);
    expect(richTextToMarkdown(fragment)).toBe('*[Référence vivante : Panorama chiffré]*');
  });
});

describe('rich text to the guide’s blocks', () => {
  it('keeps the structure and resolves each reference through the callback', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('f');
    const heading = text('heading', 'Constats');
    heading.setAttribute('level', 6 as unknown as string);
    const list = new Y.XmlElement('orderedList');
    const item = new Y.XmlElement('listItem');
    item.insert(0, [text('paragraph', 'Emplois', { bold: true })]);
    list.insert(0, [item]);
    const table = new Y.XmlElement('table');
    const row = new Y.XmlElement('tableRow');
    const header = new Y.XmlElement('tableHeader');
    header.insert(0, [text('paragraph', 'Niveau'), text('paragraph', 'Montant')]);
    row.insert(0, [header]);
    table.insert(0, [row]);
    const quote = new Y.XmlElement('blockquote');
    quote.insert(0, [text('paragraph', 'Une parole')]);
    fragment.insert(0, [heading, list, table, quote, new Y.XmlElement('horizontalRule'), reference({ kind: 'testimonies', filter: 'lever:pedagogy' })]);
    expect(richTextToBlocks(fragment, echo)).toEqual([
      { type: 'heading', level: 4, runs: [{ text: 'Constats', bold: false, italic: false, href: null }] },
      { type: 'list', ordered: true, items: [[{ type: 'paragraph', runs: [{ text: 'Emplois', bold: true, italic: false, href: null }] }]] },
      {
        type: 'table',
        rows: [
          {
            header: true,
            cells: [
              [
                { text: 'Niveau', bold: false, italic: false, href: null },
                { text: '\n', bold: false, italic: false, href: null },
                { text: 'Montant', bold: false, italic: false, href: null },
              ],
            ],
          },
        ],
      },
      { type: 'quote', blocks: [{ type: 'paragraph', runs: [{ text: 'Une parole', bold: false, italic: false, href: null }] }] },
      { type: 'rule' },
      { type: 'reference', reference: { kind: 'testimonies', readAt: 'now', filter: 'lever:pedagogy', testimonies: [] } },
    ]);
  });

  it('gives the callback null for invalid attributes, keeps only safe links and inert text', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('f');
    fragment.insert(0, [
      reference({ kind: 'testimony', target: 'x' }),
      text('paragraph', 'piège', { link: { href: 'javascript:alert(1)' } }),
      text('paragraph', 'RTES', { link: { href: 'https://www.rtes.fr' } }),
      text('paragraph', '<script>alert(1)</script>\u0007\u202E\uD800 fin'),
    ]);
    const blocks = richTextToBlocks(fragment, echo);
    expect(blocks[0]).toEqual({ type: 'reference', reference: { kind: 'missing', readAt: 'now' } });
    expect(blocks[1]).toEqual({ type: 'paragraph', runs: [{ text: 'piège', bold: false, italic: false, href: null }] });
    expect(blocks[2]).toEqual({ type: 'paragraph', runs: [{ text: 'RTES', bold: false, italic: false, href: 'https://www.rtes.fr' }] });
    expect(blocks[3]).toEqual({ type: 'paragraph', runs: [{ text: '<script>alert(1)</script>\uFFFD fin', bold: false, italic: false, href: null }] });
  });

  it('survives hostile nesting without exhausting the stack', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('f');
    let inner = text('paragraph', 'au fond');
    for (let i = 0; i < 200; i++) {
      const quote = new Y.XmlElement('blockquote');
      quote.insert(0, [inner]);
      inner = quote;
    }
    fragment.insert(0, [inner]);
    expect(JSON.stringify(richTextToBlocks(fragment, echo))).toContain('au fond');
  });
});
