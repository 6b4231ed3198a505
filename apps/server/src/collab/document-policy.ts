import * as Y from 'yjs';
import { CollabErrorCode, DIAGNOSTIC_SECTIONS, type DocumentRef, DocumentKind } from '@concerto/collab';
import type { SpaceRole } from '@concerto/domain';
import { Placements } from './policy/placement.js';
import { contentViolation, placementViolation } from './policy/rich-text-rules.js';
import { UpdateStructs } from './policy/update-structs.js';

/**
 * What a client may write, checked on the decoded update before it is applied: rich text stays within the fixed
 * schema of `libs/collab/src/documents/rich-text.ts` (its nodes with their attributes, its marks with theirs, links
 * to http(s) or mailto only; live references only in a guide or an analysis), and, in a diagnostic or a guide, only animateurs add, rename, reorder or archive sections (the
 * `sections` list); everyone else edits the sections' text. Throws on an update Yjs would not apply as written
 * (overlapping structs, references forward in time): the caller answers `invalid_update`.
 *
 * Linear in the update (O(n log n)) whatever its shape: each item's parent is resolved once (see `Placements`),
 * lookups are binary searches. The delete set costs what applying it costs Yjs (one step per struct it deletes).
 *
 * Not checked here: what is written is checked only where Yjs will integrate it.
 * - Structs the document already has (below its state vector) are skipped: Yjs ignores them.
 * - Inert items write nothing visible, so their content is not checked: content already deleted (`ContentDeleted`),
 *   items that the update itself deletes entirely (a client resending an edit it rolled back, as tombstones), and
 *   items Yjs turns into GC structs. A map entry still replaces the entry before it, even deleted at once: in
 *   `sections` an inert entry that would delete a live value counts as a change.
 * - An item whose parent cannot be resolved (its origin or parent is neither in the document nor in the update) is
 *   unknown: only the checks that do not need its place are made (node names, marks, embeds). Yjs keeps such an
 *   item pending and would integrate it when a later update brings what it lacks, unchecked then, and under the
 *   role of whoever sends that update; likewise a deletion of clocks the document does not have yet stays pending
 *   (`store.pendingDs`). So the caller MUST refuse an update that leaves pending structs or a pending delete set
 *   after it is applied, and drop them (`missing_dependencies`): nothing may wait on the server's copy.
 */
export function checkUpdate(doc: Y.Doc, ref: DocumentRef, update: Uint8Array, role: SpaceRole): CollabErrorCode | undefined {
  const structs = UpdateStructs.decode(update);
  const placements = new Placements(doc, structs);
  const guardSections = (ref.kind === DocumentKind.diagnostic || ref.kind === DocumentKind.guide) && role !== 'animateur';
  for (const struct of structs.structs) {
    if (!(struct instanceof Y.Item)) continue;
    const known = Y.getState(doc.store, struct.id.client);
    if (struct.id.clock + struct.length <= known) continue;
    const placement = placements.of(struct);
    if (placement === 'gc') continue;
    const inert =
      struct.content instanceof Y.ContentDeleted || structs.deletesAll(struct.id.client, Math.max(known, struct.id.clock), struct.id.clock + struct.length);
    if (!inert) {
      const violation = contentViolation(struct.content, ref.kind);
      if (violation) return violation;
    }
    if (placement === 'unknown') continue;
    if (!inert) {
      const violation = placementViolation(struct.content, placement.parent, placement.parentSub, ref.kind);
      if (violation) return violation;
    }
    if (guardSections && placement.parent.root === DIAGNOSTIC_SECTIONS && (!inert || (placement.parentSub !== null && replacesLiveEntry(struct, placements)))) {
      return CollabErrorCode.notAllowed;
    }
  }
  if (guardSections && deletesInSections(doc, structs, placements)) return CollabErrorCode.notAllowed;
  return undefined;
}

/**
 * Whether a map entry, once integrated, deletes a live entry of the document: Yjs deletes the entry it is placed
 * after (its origin) when it becomes the key's value. A forged right origin could place it anywhere: counted too.
 */
function replacesLiveEntry(item: Y.Item, placements: Placements): boolean {
  if (item.rightOrigin) return true;
  if (!item.origin) return false;
  const left = placements.find(item.origin);
  // An origin in the update is checked as an item of its own.
  return left?.in === 'doc' && left.struct instanceof Y.Item && !left.struct.deleted;
}

/**
 * Whether the update's delete set deletes something live of the document under `sections`. Deletions the
 * document already has are not changes: a sync step 2 carries the sender's whole delete set, including an
 * animateur's past deletions there. Deletions of the update's own items are checked as those items; deletions of
 * clocks the document lacks stay pending (see checkUpdate).
 */
function deletesInSections(doc: Y.Doc, structs: UpdateStructs, placements: Placements): boolean {
  for (const [client, ranges] of structs.deletedRanges()) {
    const known = Y.getState(doc.store, client);
    const docStructs = doc.store.clients.get(client);
    if (!docStructs) continue;
    for (const { from, to } of ranges) {
      if (from >= known) break;
      for (let i = Y.findIndexSS(docStructs, from); i < docStructs.length && docStructs[i].id.clock < to; i++) {
        const struct = docStructs[i];
        if (!(struct instanceof Y.Item) || struct.deleted) continue;
        if (placements.docType(struct.parent as Y.AbstractType<unknown>).root === DIAGNOSTIC_SECTIONS) return true;
      }
    }
  }
  return false;
}
