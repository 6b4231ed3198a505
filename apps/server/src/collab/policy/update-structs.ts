import * as Y from 'yjs';

export type Struct = Y.Item | Y.GC | Y.Skip;

/** A half-open clock range [from, to) of one client. */
interface Range {
  from: number;
  to: number;
}

/** An update that Yjs would not apply as its encoders write them (overlapping structs, references forward in time). */
export class MalformedUpdateError extends Error {}

/**
 * A decoded update, indexed for lookups in O(log n): its structs per client sorted by clock, and its own delete set
 * as sorted, merged ranges per client.
 */
export class UpdateStructs {
  private readonly byClient = new Map<number, Struct[]>();
  private readonly deletes = new Map<number, Range[]>();

  constructor(
    readonly structs: Struct[],
    deleteSet: Map<number, { clock: number; len: number }[]>,
  ) {
    for (const struct of structs) {
      const list = this.byClient.get(struct.id.client);
      if (list) list.push(struct);
      else this.byClient.set(struct.id.client, [struct]);
    }
    for (const list of this.byClient.values()) {
      if (!isSorted(list)) list.sort((a, b) => a.id.clock - b.id.clock);
      // Yjs applies one block per client (a later block of the same client replaces an earlier one): two structs
      // claiming the same clock would make what is checked differ from what is applied.
      for (let i = 1; i < list.length; i++) {
        if (list[i].id.clock < list[i - 1].id.clock + list[i - 1].length) throw new MalformedUpdateError('overlapping structs');
      }
    }
    for (const struct of structs) if (struct instanceof Y.Item) assertBackwardReferences(struct);
    for (const [client, items] of deleteSet) this.deletes.set(client, mergeRanges(items.map((d) => ({ from: d.clock, to: d.clock + d.len }))));
  }

  static decode(update: Uint8Array): UpdateStructs {
    const { structs, ds } = Y.decodeUpdate(update) as unknown as { structs: Struct[]; ds: { clients: Map<number, { clock: number; len: number }[]> } };
    return new UpdateStructs(structs, ds.clients);
  }

  /** The update's struct holding `clock` of `client`, by binary search. */
  find(client: number, clock: number): Struct | undefined {
    const list = this.byClient.get(client);
    if (!list) return undefined;
    let low = 0;
    let high = list.length - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const struct = list[mid];
      if (clock < struct.id.clock) high = mid - 1;
      else if (clock >= struct.id.clock + struct.length) low = mid + 1;
      else return struct;
    }
    return undefined;
  }

  /** Whether the update's own delete set deletes every clock of [from, to) of `client`. */
  deletesAll(client: number, from: number, to: number): boolean {
    const ranges = this.deletes.get(client);
    if (!ranges || from >= to) return false;
    let low = 0;
    let high = ranges.length - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      if (from < ranges[mid].from) high = mid - 1;
      else if (from >= ranges[mid].to) low = mid + 1;
      else return to <= ranges[mid].to; // ranges are merged: one range covers it all or none does
    }
    return false;
  }

  /** The ranges the update deletes, per client (sorted, merged). */
  deletedRanges(): Iterable<[number, readonly Range[]]> {
    return this.deletes.entries();
  }
}

function isSorted(list: Struct[]): boolean {
  for (let i = 1; i < list.length; i++) if (list[i].id.clock < list[i - 1].id.clock) return false;
  return true;
}

/**
 * An item's origin, right origin and parent, when they are of its own client, come before it: Yjs integrates a
 * client's structs in clock order and does not wait for those (it would throw half-way through the update).
 */
function assertBackwardReferences(item: Y.Item): void {
  const parent = item.parent as unknown;
  for (const ref of [item.origin, item.rightOrigin, parent instanceof Y.ID ? parent : null]) {
    if (ref && ref.client === item.id.client && ref.clock >= item.id.clock) throw new MalformedUpdateError('reference to a later struct of the same client');
  }
}

function mergeRanges(ranges: Range[]): Range[] {
  const valid = ranges.filter((r) => r.to > r.from).sort((a, b) => a.from - b.from);
  const merged: Range[] = [];
  for (const range of valid) {
    const last = merged[merged.length - 1];
    if (last && range.from <= last.to) last.to = Math.max(last.to, range.to);
    else merged.push({ ...range });
  }
  return merged;
}
