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

/** A section of a sectioned document (the diagnostic, the guide): one entry of `sections`, its text `section:<id>`. */
export interface DocumentSection<K extends string = string> {
  id: string;
  kind: K;
  key: string;
  title: string;
  archived: boolean;
}
export type DiagnosticSection = DocumentSection<DiagnosticSectionKind>;

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

/** The sections of a sectioned document in display order (the diagnostic's by default). */
export function readSections<S extends DocumentSection = DiagnosticSection>(doc: Y.Doc): S[] {
  return doc
    .getArray<Y.Map<unknown>>(DIAGNOSTIC_SECTIONS)
    .toArray()
    .map((m) => m.toJSON() as S);
}

/** Sections as the shared maps of the `sections` list. */
export function sectionMaps(sections: DocumentSection[]): Y.Map<unknown>[] {
  return sections.map((s) => {
    const map = new Y.Map<unknown>();
    for (const [key, value] of Object.entries(s)) map.set(key, value);
    return map;
  });
}

export const diagnosticSchema: DocumentSchema = {
  kind: 'diagnostic',
  version: 1,
  migrations: {
    0: (doc) => {
      const sections = doc.getArray<Y.Map<unknown>>(DIAGNOSTIC_SECTIONS);
      if (sections.length > 0) return;
      sections.push(sectionMaps(templateSections()));
    },
  },
};
