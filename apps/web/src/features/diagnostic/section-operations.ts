import { DIAGNOSTIC_SECTIONS, type DiagnosticSection } from '@concerto/collab';
import * as Y from 'yjs';

/**
 * Changes to the list of sections (animateurs only: the server refuses them from anyone else). Each is one Yjs
 * transaction on the `sections` array, so others see it whole and at once.
 */
const sectionsOf = (doc: Y.Doc) => doc.getArray<Y.Map<unknown>>(DIAGNOSTIC_SECTIONS);

function indexOf(doc: Y.Doc, sectionId: string): number {
  return sectionsOf(doc)
    .toArray()
    .findIndex((map) => map.get('id') === sectionId);
}

/** A random id for a section created by hand, in the shape section ids must have. */
export function newCustomSectionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return `custom-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export function addSection(doc: Y.Doc, title: string): string {
  const id = newCustomSectionId();
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    const section: DiagnosticSection = { id, kind: 'custom', key: id, title, archived: false };
    for (const [key, value] of Object.entries(section)) map.set(key, value);
    sectionsOf(doc).push([map]);
  });
  return id;
}

export function renameSection(doc: Y.Doc, sectionId: string, title: string): void {
  doc.transact(() => {
    const index = indexOf(doc, sectionId);
    if (index >= 0) sectionsOf(doc).get(index).set('title', title);
  });
}

export function setSectionArchived(doc: Y.Doc, sectionId: string, archived: boolean): void {
  doc.transact(() => {
    const index = indexOf(doc, sectionId);
    if (index >= 0) sectionsOf(doc).get(index).set('archived', archived);
  });
}

/**
 * Moves a section one place up (-1) or down (+1). A Y.Map cannot be moved inside a Y.Array: the entry is
 * deleted and an identical one inserted at its new place (its text lives in its own fragment, untouched).
 */
export function moveSection(doc: Y.Doc, sectionId: string, offset: -1 | 1): void {
  doc.transact(() => {
    const array = sectionsOf(doc);
    const from = indexOf(doc, sectionId);
    const to = from + offset;
    if (from < 0 || to < 0 || to >= array.length) return;
    const copy = new Y.Map<unknown>();
    for (const [key, value] of array.get(from).entries()) copy.set(key, value);
    array.delete(from, 1);
    array.insert(to, [copy]);
  });
}
