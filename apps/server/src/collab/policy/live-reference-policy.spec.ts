import * as Y from 'yjs';
import {
  ANALYSIS_TEXT,
  type DocumentRef,
  DocumentKind,
  LIVE_REFERENCE,
  analysisTextDocument,
  analysisTextSchema,
  guideDocument,
  guideSchema,
  migrateDocument,
  sectionContentKey,
} from '@concerto/collab';
import { change, paragraph, replica, serverDoc } from '../../../testing/yjs-updates.js';
import { send, sectionText, sections } from '../../../testing/policy-checks.js';

const OWNER = '00000000-0000-4000-8000-000000000002';
const guideRef: DocumentRef = { kind: DocumentKind.guide, ownerId: OWNER, name: guideDocument(OWNER) };
const analysisRef: DocumentRef = { kind: DocumentKind.analysisText, ownerId: OWNER, name: analysisTextDocument(OWNER) };

const guideDoc = () => {
  const doc = new Y.Doc();
  migrateDocument(doc, guideSchema);
  return doc;
};
const intro = (doc: Y.Doc) => doc.getXmlFragment(sectionContentKey('custom-introduction'));
const liveReference = (attributes: Record<string, unknown>) => {
  const element = new Y.XmlElement(LIVE_REFERENCE);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value as string);
  return element;
};

describe('live references in co-edited text', () => {
  it('are written by a contributeur in the guide and in an analysis', () => {
    const guide = guideDoc();
    const reference = liveReference({ kind: 'funding_table', from: 2019, to: '2023' });
    expect(
      send(
        guide,
        change(replica(guide), (d) => intro(d).insert(0, [reference])),
        'contributeur',
        guideRef,
      ),
    ).toBeUndefined();
    expect((intro(guide).get(0) as Y.XmlElement).getAttribute('from')).toBe(2019);

    const analysis = new Y.Doc();
    migrateDocument(analysis, analysisTextSchema);
    const targeted = liveReference({ kind: 'testimony', target: '6f1c1d2e-4a7b-4c8d-9e0f-112233445566' });
    expect(
      send(
        analysis,
        change(replica(analysis), (d) => d.getXmlFragment(ANALYSIS_TEXT).insert(0, [targeted])),
        'contributeur',
        analysisRef,
      ),
    ).toBeUndefined();
  });

  it('are refused in a diagnostic (invalid_content)', () => {
    const server = serverDoc();
    expect(
      send(
        server,
        change(replica(server), (d) => sectionText(d).insert(0, [liveReference({ kind: 'poles' })])),
      ),
    ).toBe('invalid_content');
  });

  it.each([
    ['an unknown kind', { kind: 'secrets' }],
    ['a target that is no id', { kind: 'testimony', target: '../../etc/passwd' }],
    ['an unknown filter', { kind: 'testimonies', filter: 'lever:<script>' }],
    ['a year out of range', { kind: 'panorama', from: 3000 }],
    ['an attribute of no reference', { kind: 'panorama', href: 'javascript:alert(1)' }],
  ])('refuse %s, and the guide is untouched', (_what, attributes) => {
    const guide = guideDoc();
    const before = Y.encodeStateAsUpdate(guide);
    expect(
      send(
        guide,
        change(replica(guide), (d) => intro(d).insert(0, [liveReference(attributes)])),
        'contributeur',
        guideRef,
      ),
    ).toBe('invalid_content');
    expect(Y.encodeStateAsUpdate(guide)).toEqual(before);
  });

  it('leave the guide’s sections to animateurs, its text to every writer', () => {
    const guide = guideDoc();
    const rename = (d: Y.Doc) => sections(d).get(0).set('title', 'Avant-propos');
    expect(send(guide, change(replica(guide), rename), 'contributeur', guideRef)).toBe('not_allowed');
    expect(
      send(
        guide,
        change(replica(guide), (d) => intro(d).insert(0, [paragraph('Une phrase')])),
        'contributeur',
        guideRef,
      ),
    ).toBeUndefined();
    expect(send(guide, change(replica(guide), rename), 'animateur', guideRef)).toBeUndefined();
    expect(sections(guide).get(0).get('title')).toBe('Avant-propos');
  });
});
