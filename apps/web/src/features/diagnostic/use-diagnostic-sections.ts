import { DIAGNOSTIC_SECTIONS, readSections, type DiagnosticSection } from '@concerto/collab';
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';

/** The sections of the diagnostic document, kept up to date with every local or remote change. */
export function useDiagnosticSections(doc: Y.Doc | null): DiagnosticSection[] {
  const [sections, setSections] = useState<DiagnosticSection[]>(() => (doc ? dedupe(readSections(doc)) : []));
  useEffect(() => {
    if (!doc) return;
    const array = doc.getArray(DIAGNOSTIC_SECTIONS);
    const refresh = () => setSections(dedupe(readSections(doc)));
    refresh();
    array.observeDeep(refresh);
    return () => array.unobserveDeep(refresh);
  }, [doc]);
  return sections;
}

/** Two animateurs moving the same section at once can leave two copies: show it once, at its first place. */
function dedupe(sections: DiagnosticSection[]): DiagnosticSection[] {
  const seen = new Set<string>();
  return sections.filter((section) => {
    if (typeof section.id !== 'string' || seen.has(section.id)) return false;
    seen.add(section.id);
    return true;
  });
}
