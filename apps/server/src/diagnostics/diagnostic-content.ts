import type * as Y from 'yjs';
import { DIAGNOSTIC_SECTIONS, type DiagnosticSection, readSections, richTextToMarkdown, sectionContentKey, sectionMaps } from '@concerto/collab';

export interface SectionContent extends DiagnosticSection {
  markdown: string;
}

/** Every section of a diagnostic document with its text as Markdown, in display order. */
export function sectionContents(doc: Y.Doc): SectionContent[] {
  return readSections(doc).map((section) => ({ ...section, markdown: richTextToMarkdown(doc.getXmlFragment(sectionContentKey(section.id))) }));
}

/**
 * Makes `target` (a live sectioned document: the diagnostic, the guide) say what `version` said: the sections' order, titles and archiving, and
 * each section's text. Sections created since are kept, archived. Run inside one transaction, it is one change
 * that everyone receives live; history is not rewritten.
 */
export function restoreInto(target: Y.Doc, version: Y.Doc): void {
  const wanted = readSections(version);
  const wantedIds = new Set(wanted.map((s) => s.id));
  const later = readSections(target)
    .filter((s) => !wantedIds.has(s.id))
    .map((s) => ({ ...s, archived: true }));
  const sections = target.getArray<Y.Map<unknown>>(DIAGNOSTIC_SECTIONS);
  sections.delete(0, sections.length);
  sections.push(sectionMaps([...wanted, ...later]));
  for (const section of wanted) {
    const source = version.getXmlFragment(sectionContentKey(section.id));
    const destination = target.getXmlFragment(sectionContentKey(section.id));
    destination.delete(0, destination.length);
    destination.insert(
      0,
      source.toArray().map((node) => (node as Y.XmlElement | Y.XmlText).clone()),
    );
  }
}
