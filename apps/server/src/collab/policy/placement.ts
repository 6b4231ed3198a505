import * as Y from 'yjs';
import type { Struct, UpdateStructs } from './update-structs.js';

export type TypeKind = 'root' | 'element' | 'text' | 'fragment' | 'other';

/** What the policy needs to know of a shared type: its class and the top-level type it lives under. */
export interface TypeInfo {
  /** Name of the top-level type (`sections`, `section:<id>`, `notes`…). */
  root: string;
  /** `root` for a top-level type (its class is the document schema's, known by name). */
  kind: TypeKind;
  /** An XmlElement's node name. */
  nodeName?: string;
}

/** Where an item of the update goes once integrated. */
export type Placement =
  | { parent: TypeInfo; parentSub: string | null }
  /** Yjs integrates it as a GC struct (its parent or a neighbour is garbage-collected): it writes nothing. */
  | 'gc'
  /** It depends on a struct that is neither in the document nor in the update: Yjs keeps it pending. */
  | 'unknown';

/** A struct an ID refers to: in the document (integrated), in the update, or nowhere (missing). */
type Found = { in: 'doc'; struct: Y.Item | Y.GC } | { in: 'update'; struct: Y.Item | Y.GC } | undefined;

const kindOf = (type: Y.AbstractType<unknown>): TypeKind =>
  type instanceof Y.XmlElement ? 'element' : type instanceof Y.XmlText ? 'text' : type instanceof Y.XmlFragment ? 'fragment' : 'other';

/**
 * Resolves where each item of an update goes, as `Item.getMissing` / `Item.integrate` of Yjs 13.6 decide it:
 * - an item written with neither origin nor right origin names its parent: a top-level type (by name) or the
 *   item whose content is the parent type (`parentSub` is the map key, or null in a list);
 * - any other item inherits parent AND parentSub from its origin, or else from its right origin;
 * - if the origin or right origin is a GC struct, or the parent item is a GC struct or holds no type (deleted
 *   content), the item becomes a GC struct.
 * An ID below the document's state for its client is found in the document (`Y.getItem`, integrated: its parent is a
 * type); above it, among the update's own structs (binary search). Each item is resolved once and memoised, walking
 * dependency chains with an explicit stack (a chain of one-character insertions can be as long as the update):
 * the whole update costs O(n log n).
 */
export class Placements {
  private readonly placements = new Map<Y.Item, Placement>();
  private readonly docTypes = new Map<Y.AbstractType<unknown>, TypeInfo>();
  private readonly roots = new Map<string, TypeInfo>();
  private readonly updateTypes = new Map<Y.Item, TypeInfo | 'gc' | 'unknown'>();
  /** The walk of `of`: items waiting for a dependency, and the same as a set (empty between calls). */
  private readonly stack: Y.Item[] = [];
  private readonly open = new Set<Y.Item>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly update: UpdateStructs,
  ) {}

  /** The struct holding `id`, as Yjs would find it while integrating this update. */
  find(id: Y.ID): Found {
    if (id.clock < Y.getState(this.doc.store, id.client)) return { in: 'doc', struct: Y.getItem(this.doc.store, id) as Y.Item | Y.GC };
    const own: Struct | undefined = this.update.find(id.client, id.clock);
    return own instanceof Y.Item || own instanceof Y.GC ? { in: 'update', struct: own } : undefined;
  }

  of(item: Y.Item): Placement {
    const known = this.placements.get(item);
    if (known !== undefined) return known;
    const { stack, open } = this;
    stack.push(item);
    open.add(item);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const dependency = this.unresolvedDependency(top);
      if (dependency && !open.has(dependency)) {
        stack.push(dependency);
        open.add(dependency);
        continue;
      }
      // A dependency still open is a cycle (forged): nothing in it can be integrated.
      this.placements.set(top, dependency ? 'unknown' : this.resolve(top));
      open.delete(top);
      stack.pop();
    }
    return this.placements.get(item) ?? 'unknown';
  }

  /** The type info of a document type (memoised; walks up to its top-level type without recursion). */
  docType(type: Y.AbstractType<unknown>): TypeInfo {
    const known = this.docTypes.get(type);
    if (known) return known;
    const path: Y.AbstractType<unknown>[] = [];
    let current: Y.AbstractType<unknown> = type;
    let root: string | undefined;
    while (root === undefined) {
      const cached = this.docTypes.get(current);
      if (cached) {
        root = cached.root;
        break;
      }
      const item = current._item;
      if (item === null) {
        root = Y.findRootTypeKey(current);
        this.docTypes.set(current, this.root(root));
        break;
      }
      path.push(current);
      current = item.parent as Y.AbstractType<unknown>;
    }
    for (const t of path) this.docTypes.set(t, { root, kind: kindOf(t), ...(t instanceof Y.XmlElement ? { nodeName: t.nodeName } : {}) });
    return this.docTypes.get(type) ?? this.root(root);
  }

  root(name: string): TypeInfo {
    let info = this.roots.get(name);
    if (!info) this.roots.set(name, (info = { root: name, kind: 'root' }));
    return info;
  }

  /** An own item (in the update) this item's placement depends on and that is not resolved yet. */
  private unresolvedDependency(item: Y.Item): Y.Item | undefined {
    for (const id of references(item)) {
      const found = this.find(id);
      if (found?.in === 'update' && found.struct instanceof Y.Item && !this.placements.has(found.struct)) return found.struct;
    }
    return undefined;
  }

  /** Placement of an item whose own dependencies are all resolved. */
  private resolve(item: Y.Item): Placement {
    if (item.origin === null && item.rightOrigin === null) {
      const parent = item.parent as unknown;
      if (typeof parent === 'string') return { parent: this.root(parent), parentSub: item.parentSub };
      if (!(parent instanceof Y.ID)) return 'unknown';
      const type = this.typeAt(parent);
      return typeof type === 'string' ? type : { parent: type, parentSub: item.parentSub };
    }
    const left = item.origin ? this.neighbour(item.origin) : null;
    const right = item.rightOrigin ? this.neighbour(item.rightOrigin) : null;
    if (left === 'unknown' || right === 'unknown') return 'unknown';
    if (left === 'gc' || right === 'gc') return 'gc';
    return left ?? right ?? 'unknown';
  }

  /** What an item placed next to `id` inherits from it. */
  private neighbour(id: Y.ID): Placement {
    const found = this.find(id);
    if (!found) return 'unknown';
    if (found.struct instanceof Y.GC) return 'gc';
    if (found.in === 'update') return this.placements.get(found.struct) ?? 'unknown';
    const item = found.struct;
    return { parent: this.docType(item.parent as Y.AbstractType<unknown>), parentSub: item.parentSub };
  }

  /** The type whose item is at `id` (an explicit parent). */
  private typeAt(id: Y.ID): TypeInfo | 'gc' | 'unknown' {
    const found = this.find(id);
    if (!found) return 'unknown';
    if (found.struct instanceof Y.GC) return 'gc';
    const item = found.struct;
    // Yjs takes `content.type`: no type there (deleted or plain content) means no parent, i.e. a GC struct.
    if (!(item.content instanceof Y.ContentType)) return 'gc';
    if (found.in === 'doc') return this.docType(item.content.type as Y.AbstractType<unknown>);
    return this.updateType(item);
  }

  private updateType(item: Y.Item): TypeInfo | 'gc' | 'unknown' {
    const known = this.updateTypes.get(item);
    if (known) return known;
    const placement = this.placements.get(item) ?? 'unknown';
    const type = (item.content as Y.ContentType).type as Y.AbstractType<unknown>;
    const info: TypeInfo | 'gc' | 'unknown' =
      typeof placement === 'string'
        ? placement
        : { root: placement.parent.root, kind: kindOf(type), ...(type instanceof Y.XmlElement ? { nodeName: type.nodeName } : {}) };
    this.updateTypes.set(item, info);
    return info;
  }
}

function references(item: Y.Item): Y.ID[] {
  const refs: Y.ID[] = [];
  if (item.origin) refs.push(item.origin);
  if (item.rightOrigin) refs.push(item.rightOrigin);
  if (item.parent instanceof Y.ID) refs.push(item.parent);
  return refs;
}
