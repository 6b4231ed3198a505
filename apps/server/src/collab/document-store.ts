import * as Y from 'yjs';
import type { DataSource } from 'typeorm';
import { GroupCommitQueue } from './group-commit.js';

interface Append {
  doc: string;
  data: Uint8Array;
}

/**
 * PostgreSQL storage of co-edited documents: an append-only log of updates plus one merged snapshot.
 * Appends are group-committed; compaction folds the log into the snapshot in one transaction, so a reader
 * (one statement, one snapshot) sees either the state before or after it, never half of it.
 */
export class DocumentStore {
  private readonly queue: GroupCommitQueue<Append>;

  constructor(private readonly dataSource: DataSource) {
    this.queue = new GroupCommitQueue<Append>((items) => this.insert(items));
  }

  /** Snapshot first, then the remaining log in order. */
  async load(doc: string): Promise<Uint8Array[]> {
    const rows: { data: Buffer }[] = await this.dataSource.query(
      `SELECT data FROM (
         SELECT 0 AS part, 0::bigint AS id, data FROM collab_snapshot WHERE doc = $1
         UNION ALL
         SELECT 1 AS part, id, data FROM collab_update WHERE doc = $1
       ) AS stored ORDER BY part, id`,
      [doc],
    );
    return rows.map((r) => new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength));
  }

  /** Settles once the transaction holding the update has committed. */
  append(doc: string, data: Uint8Array): Promise<void> {
    return this.queue.append({ doc, data });
  }

  /** Everything appended before the call is settled. */
  barrier(): Promise<void> {
    return this.queue.barrier();
  }

  drain(): Promise<void> {
    return this.queue.drain();
  }

  async logLength(doc: string): Promise<number> {
    const [{ count }] = await this.dataSource.query(`SELECT count(*)::int AS count FROM collab_update WHERE doc = $1`, [doc]);
    return count;
  }

  /**
   * Applies the log to the snapshot in a Y.Doc and re-encodes it (linear, unlike merging long logs), then
   * replaces the snapshot and deletes exactly the rows it folded, in one transaction. Serialised per document
   * across processes by an advisory lock. Returns how many updates were folded.
   */
  async compact(doc: string): Promise<number> {
    return this.dataSource.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [doc]);
      const snapshot: { data: Buffer; folded_updates: string }[] = await tx.query(
        `SELECT data, folded_updates FROM collab_snapshot WHERE doc = $1`,
        [doc],
      );
      const updates: { id: string; data: Buffer }[] = await tx.query(
        `SELECT id, data FROM collab_update WHERE doc = $1 ORDER BY id`,
        [doc],
      );
      if (updates.length === 0) return 0;
      const ydoc = new Y.Doc({ gc: true });
      ydoc.transact(() => {
        if (snapshot[0]) Y.applyUpdate(ydoc, snapshot[0].data);
        for (const u of updates) Y.applyUpdate(ydoc, u.data);
      });
      const merged = Y.encodeStateAsUpdate(ydoc);
      ydoc.destroy();
      const folded = Number(snapshot[0]?.folded_updates ?? 0) + updates.length;
      await tx.query(
        `INSERT INTO collab_snapshot (doc, data, folded_updates, compacted_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (doc) DO UPDATE SET data = EXCLUDED.data, folded_updates = EXCLUDED.folded_updates, compacted_at = now()`,
        [doc, Buffer.from(merged), folded],
      );
      await tx.query(`DELETE FROM collab_update WHERE id = ANY($1::bigint[])`, [updates.map((u) => u.id)]);
      return updates.length;
    });
  }

  private async insert(items: Append[]): Promise<void> {
    await this.dataSource.query(`INSERT INTO collab_update (doc, data) SELECT * FROM unnest($1::text[], $2::bytea[])`, [
      items.map((i) => i.doc),
      items.map((i) => Buffer.from(i.data.buffer, i.data.byteOffset, i.data.byteLength)),
    ]);
  }
}

/** The stored state of a document as a Y.Doc (everything acknowledged is in it). */
export async function readStoredDocument(dataSource: DataSource, name: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  for (const update of await new DocumentStore(dataSource).load(name)) Y.applyUpdate(doc, update);
  return doc;
}
