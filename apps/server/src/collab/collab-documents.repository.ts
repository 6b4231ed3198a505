import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { preparedQuery } from '../database/prepared-query.js';

/** One update to append to a document's log. */
export interface AppendedUpdate {
  doc: string;
  data: Uint8Array;
}

/** Folds a document's snapshot (if any) and its log, in order, into one update: the new snapshot. */
export type FoldLog = (snapshot: Uint8Array | undefined, log: Uint8Array[]) => Uint8Array;

interface StoredRow {
  data: Buffer;
}

interface SnapshotRow {
  data: Buffer;
  folded_updates: string;
}

interface LogRow {
  id: string;
  data: Buffer;
}

/**
 * The SQL of co-edited documents: an append-only log of updates (`collab_update`) plus one merged snapshot
 * (`collab_snapshot`) per document. A reader (one statement, one snapshot) sees either the state before or after
 * a compaction, never half of it.
 */
@Injectable()
export class CollabDocumentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Snapshot first, then the remaining log in order. */
  async load(doc: string): Promise<Uint8Array[]> {
    const rows = await preparedQuery<StoredRow>(
      this.dataSource,
      'collab-load',
      `SELECT data FROM (
         SELECT 0 AS part, 0::bigint AS id, data FROM collab_snapshot WHERE doc = $1
         UNION ALL
         SELECT 1 AS part, id, data FROM collab_update WHERE doc = $1
       ) AS stored ORDER BY part, id`,
      [doc],
    );
    return rows.map((r) => bytesOf(r.data));
  }

  /** Appends several updates in one statement (the group commit: a prepared statement on the pool). */
  async insert(updates: AppendedUpdate[]): Promise<void> {
    await preparedQuery(this.dataSource, 'collab-insert', `INSERT INTO collab_update (doc, data) SELECT * FROM unnest($1::text[], $2::bytea[])`, [
      updates.map((u) => u.doc),
      updates.map((u) => Buffer.from(u.data.buffer, u.data.byteOffset, u.data.byteLength)),
    ]);
  }

  /**
   * Replaces the snapshot by `fold` of it and the log, and deletes exactly the rows it folded, in one transaction.
   * Serialised per document across processes by an advisory lock. Returns how many updates were folded.
   */
  async compact(doc: string, fold: FoldLog): Promise<number> {
    return this.dataSource.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [doc]);
      const snapshot: SnapshotRow[] = await tx.query(`SELECT data, folded_updates FROM collab_snapshot WHERE doc = $1`, [doc]);
      const log: LogRow[] = await tx.query(`SELECT id, data FROM collab_update WHERE doc = $1 ORDER BY id`, [doc]);
      if (log.length === 0) return 0;
      const merged = fold(
        snapshot[0] ? bytesOf(snapshot[0].data) : undefined,
        log.map((u) => bytesOf(u.data)),
      );
      const folded = Number(snapshot[0]?.folded_updates ?? 0) + log.length;
      await tx.query(
        `INSERT INTO collab_snapshot (doc, data, folded_updates, compacted_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (doc) DO UPDATE SET data = EXCLUDED.data, folded_updates = EXCLUDED.folded_updates, compacted_at = now()`,
        [doc, Buffer.from(merged), folded],
      );
      await tx.query(`DELETE FROM collab_update WHERE id = ANY($1::bigint[])`, [log.map((u) => u.id)]);
      return log.length;
    });
  }

  /** Deletes everything stored for a document (log, snapshot, who edited it), under the compaction's lock. */
  async forget(doc: string, db: EntityManager = this.dataSource.manager): Promise<void> {
    await db.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [doc]);
    await db.query(`DELETE FROM collab_update WHERE doc = $1`, [doc]);
    await db.query(`DELETE FROM collab_snapshot WHERE doc = $1`, [doc]);
    await db.query(`DELETE FROM collab_contribution WHERE doc = $1`, [doc]);
  }
}

function bytesOf(data: Buffer): Uint8Array {
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
