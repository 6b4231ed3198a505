import * as Y from 'yjs';
import { CollabErrorCode, DIAGNOSTIC_SECTIONS, type DocumentRef, DocumentKind, RICH_TEXT_MARKS, RICH_TEXT_NODES, isSafeHref } from '@concerto/collab';
import type { SpaceRole } from '@concerto/domain';

const NODES = new Set<string>(RICH_TEXT_NODES);
const MARKS = new Set<string>(RICH_TEXT_MARKS);

type Struct = Y.Item | Y.GC | { id: Y.ID; length: number };

/** Finds the struct holding `id`: among the update's own structs first, then in the document. */
function lookup(doc: Y.Doc, own: Map<number, Struct[]>, id: Y.ID): Y.Item | undefined {
  const found = own.get(id.client)?.find((s) => s.id.clock <= id.clock && id.clock < s.id.clock + s.length);
  if (found) return found instanceof Y.Item ? found : undefined;
  if (id.clock >= Y.getState(doc.store, id.client)) return undefined;
  const item = Y.getItem(doc.store, id);
  return item instanceof Y.Item ? item : undefined;
}

/** The name of the top-level type an item lives under, following parents (or, when omitted, its neighbours). */
function topLevelName(doc: Y.Doc, own: Map<number, Struct[]>, start: Y.Item): string | undefined {
  let item: Y.Item | undefined = start;
  for (let steps = 0; item && steps < 10_000; steps += 1) {
    const parent = item.parent as unknown;
    if (typeof parent === 'string') return parent;
    if (parent instanceof Y.AbstractType) {
      if (parent._item === null) return Y.findRootTypeKey(parent);
      item = parent._item;
    } else if (parent && typeof parent === 'object' && 'client' in parent) {
      item = lookup(doc, own, parent as Y.ID);
    } else {
      const sibling = item.origin ?? item.rightOrigin;
      item = sibling ? lookup(doc, own, sibling) : undefined;
    }
  }
  return undefined;
}

function contentViolation(item: Y.Item): CollabErrorCode | undefined {
  const content = item.content;
  if (content instanceof Y.ContentType && content.type instanceof Y.XmlElement && !NODES.has(content.type.nodeName)) return CollabErrorCode.invalidContent;
  if (content instanceof Y.ContentFormat) {
    if (!MARKS.has(content.key)) return CollabErrorCode.invalidContent;
    const value = content.value as { href?: unknown } | null;
    if (content.key === 'link' && value !== null && !isSafeHref(value?.href)) return CollabErrorCode.invalidContent;
  }
  if (content instanceof Y.ContentEmbed) return CollabErrorCode.invalidContent;
  return undefined;
}

/**
 * What a client may write, checked on the decoded update before it is applied: rich text stays within the fixed
 * schema (known nodes and marks, links to http(s) or mailto only) and, in a diagnostic, only animateurs add, rename,
 * reorder or archive sections (the `sections` list); everyone else edits the sections' text.
 */
export function checkUpdate(doc: Y.Doc, ref: DocumentRef, update: Uint8Array, role: SpaceRole): CollabErrorCode | undefined {
  const { structs, ds } = Y.decodeUpdate(update) as unknown as { structs: Struct[]; ds: { clients: Map<number, { clock: number; len: number }[]> } };
  const own = new Map<number, Struct[]>();
  for (const struct of structs) own.set(struct.id.client, [...(own.get(struct.id.client) ?? []), struct]);
  const guardSections = ref.kind === DocumentKind.diagnostic && role !== 'animateur';
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    const violation = contentViolation(struct);
    if (violation) return violation;
    if (guardSections && topLevelName(doc, own, struct) === DIAGNOSTIC_SECTIONS) return CollabErrorCode.notAllowed;
  }
  if (guardSections) {
    for (const [client, ranges] of ds.clients) {
      for (const { clock, len } of ranges) {
        for (let at = clock; at < clock + len; ) {
          const item = lookup(doc, own, Y.createID(client, at));
          if (!item) break;
          if (topLevelName(doc, own, item) === DIAGNOSTIC_SECTIONS) return CollabErrorCode.notAllowed;
          at = item.id.clock + item.length;
        }
      }
    }
  }
  return undefined;
}
