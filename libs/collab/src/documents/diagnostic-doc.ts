import * as Y from 'yjs';
import { GridEntry, Lever, SupportStage, labelOf } from '@concerto/domain';
import type { DocumentSchema } from './document-schema.js';

export type DiagnosticSectionKind = 'grid' | 'support_stage' | 'lever' | 'custom';

/**
 * Diagnostic document, version 1:
 * - `meta` (Map): `schemaVersion`;
 * - `sections` (Array of Map): `{ id, kind, key, title, archived }` in display order;
 * - `section:<id>` (XmlFragment): the rich text of each section.
 */
export const DIAGNOSTIC_SECTIONS = 'sections';
export const sectionContentKey = (sectionId: string) => `section:${sectionId}`;

export interface DiagnosticSection {
  id: string;
  kind: DiagnosticSectionKind;
  key: string;
  title: string;
  archived: boolean;
}

function templateSections(): DiagnosticSection[] {
  const section = (kind: DiagnosticSectionKind, key: string, title: string): DiagnosticSection => ({
    id: `${kind}-${key}`,
    kind,
    key,
    title,
    archived: false,
  });
  return [
    ...GridEntry.keys.map((k) => section('grid', k, labelOf(GridEntry, k, 'fr'))),
    ...SupportStage.keys.map((k) => section('support_stage', k, labelOf(SupportStage, k, 'fr'))),
    ...Lever.keys.map((k, i) => section('lever', k, `Levier ${i + 1} — ${labelOf(Lever, k, 'fr')}`)),
  ];
}

export function readSections(doc: Y.Doc): DiagnosticSection[] {
  return doc
    .getArray<Y.Map<unknown>>(DIAGNOSTIC_SECTIONS)
    .toArray()
    .map((m) => m.toJSON() as DiagnosticSection);
}

export const diagnosticSchema: DocumentSchema = {
  kind: 'diagnostic',
  version: 1,
  migrations: {
    0: (doc) => {
      const sections = doc.getArray<Y.Map<unknown>>(DIAGNOSTIC_SECTIONS);
      if (sections.length > 0) return;
      sections.push(
        templateSections().map((s) => {
          const map = new Y.Map<unknown>();
          for (const [key, value] of Object.entries(s)) map.set(key, value);
          return map;
        }),
      );
    },
  },
};
