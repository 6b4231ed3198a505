import * as Y from 'yjs';
import { type GuideReferenceAttributes, type GuideSectionKind, Lever, SupportStage, labelOf } from '@concerto/domain';
import { DIAGNOSTIC_SECTIONS, type DocumentSection, sectionContentKey, sectionMaps } from './diagnostic-doc.js';
import type { DocumentSchema } from './document-schema.js';
import { LIVE_REFERENCE } from './live-reference.js';

/**
 * The guide d'appui of a space, version 1 — the same structure as the diagnostic (same keys, same helpers:
 * `readSections`, `sectionContentKey`):
 * - `meta` (Map): `schemaVersion`;
 * - `sections` (Array of Map): `{ id, kind, key, title, archived }` in display order, `kind` a `GuideSectionKind`;
 * - `section:<id>` (XmlFragment): the rich text of each section, which may hold `liveReference` nodes.
 *
 * The skeleton follows the study's structure. It is written by a fixed Yjs client with fixed content, so that it is
 * the same update wherever it is made: two processes creating a new guide at once make identical structs, which
 * Yjs merges into one skeleton instead of two.
 */
export type GuideSection = DocumentSection<GuideSectionKind>;

/** The Yjs client id of the skeleton (never a random client's: those are drawn among 2^32 and this one is fixed). */
export const GUIDE_SKELETON_CLIENT = 0x2a;

type SkeletonBlock = { heading: string } | { paragraph: string } | { reference: GuideReferenceAttributes };

interface SkeletonSection extends GuideSection {
  blocks: SkeletonBlock[];
}

const section = (kind: GuideSectionKind, key: string, title: string, blocks: SkeletonBlock[]): SkeletonSection => ({
  id: kind === 'custom' ? `custom-${key}` : kind,
  kind,
  key,
  title,
  archived: false,
  blocks,
});

/** The study's structure, in French (the skeleton is made on the server, once, in the first language of the users). */
export function guideSkeleton(): SkeletonSection[] {
  return [
    section('custom', 'introduction', 'Introduction', [
      {
        paragraph:
          'Ce guide d’appui valorise les initiatives du territoire et met en relief les analyses, propositions et préconisations issues de la concertation. Il est co-écrit par les membres de l’espace : les chiffres et les listes qu’il contient sont lus en direct.',
      },
    ]),
    section('territory', 'poles', 'Le territoire et ses pôles', [{ reference: { kind: 'poles' } }]),
    section('stages', 'stages', 'Les étapes où les collectivités contribuent', [
      {
        paragraph:
          'À chaque étape de la vie d’un pôle, des collectivités contribuent : les témoignages validés qui l’illustrent sont rassemblés ci-dessous, étape par étape.',
      },
      ...SupportStage.keys.flatMap((stage): SkeletonBlock[] => [
        { heading: labelOf(SupportStage, stage, 'fr') },
        { reference: { kind: 'testimonies', filter: `stage:${stage}` } },
      ]),
    ]),
    section('levers', 'levers', 'Les 8 leviers', [
      { paragraph: 'Pour chacun des 8 leviers à la disposition des collectivités, les préconisations retenues par la concertation.' },
      ...Lever.keys.flatMap((lever, i): SkeletonBlock[] => [
        { heading: `Levier ${i + 1} — ${labelOf(Lever, lever, 'fr')}` },
        { reference: { kind: 'recommendations', filter: `lever:${lever}` } },
      ]),
    ]),
    section('testimonies', 'testimonies', 'Témoignages', [{ reference: { kind: 'testimonies' } }]),
    section('analyses', 'analyses', 'Analyses', [{ reference: { kind: 'analyses' } }]),
    section('recommendations', 'recommendations', 'Préconisations retenues', [{ reference: { kind: 'recommendations' } }]),
    section('figures', 'figures', 'Repères chiffrés', [{ reference: { kind: 'funding_table' } }, { reference: { kind: 'panorama' } }]),
  ];
}

function blockElement(block: SkeletonBlock): Y.XmlElement {
  if ('reference' in block) {
    const element = new Y.XmlElement(LIVE_REFERENCE);
    for (const [name, value] of Object.entries(block.reference)) {
      // y-tiptap stores attribute values as given (numbers stay numbers); the Yjs typing says strings.
      if (value !== undefined) element.setAttribute(name, value as string);
    }
    return element;
  }
  const element = new Y.XmlElement('heading' in block ? 'heading' : 'paragraph');
  if ('heading' in block) element.setAttribute('level', 2 as unknown as string);
  element.insert(0, [new Y.XmlText('heading' in block ? block.heading : block.paragraph)]);
  return element;
}

/**
 * Writes the skeleton as the fixed client: the same structs (ids, origins, content) in every document it is written
 * to. Written in place rather than applied as an update: Yjs would count an applied update as a remote change and,
 * seeing the document's own client in the same transaction, give the document a new client id.
 */
export function writeGuideSkeleton(doc: Y.Doc): void {
  const own = doc.clientID;
  doc.clientID = GUIDE_SKELETON_CLIENT;
  try {
    doc.transact(() => {
      const skeleton = guideSkeleton();
      doc.getArray<Y.Map<unknown>>(DIAGNOSTIC_SECTIONS).push(sectionMaps(skeleton.map(({ blocks: _blocks, ...entry }) => entry)));
      for (const s of skeleton) doc.getXmlFragment(sectionContentKey(s.id)).insert(0, s.blocks.map(blockElement));
    });
  } finally {
    doc.clientID = own;
  }
}

export const guideSchema: DocumentSchema = {
  kind: 'guide',
  version: 1,
  migrations: {
    0: (doc) => {
      if (doc.getArray(DIAGNOSTIC_SECTIONS).length > 0 || Y.getState(doc.store, GUIDE_SKELETON_CLIENT) > 0) return;
      writeGuideSkeleton(doc);
    },
  },
};
