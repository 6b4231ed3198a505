import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { SamplePole, SampleSelectionSummary } from '@concerto/domain';

interface SummaryRow {
  id: string;
  name: string;
  pole_count: number;
  updated_at: Date;
}

const mapSummaryRow = (r: SummaryRow): SampleSelectionSummary => ({
  id: r.id,
  name: r.name,
  poleCount: r.pole_count,
  updatedAt: r.updated_at.toISOString(),
});

/** Saved sample selections and their poles (one owner each). */
@Injectable()
export class SampleSelectionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The owner's selections; `poleCount` counts the poles still in the owner's scope. */
  async listOf(accountId: string, db: EntityManager = this.dataSource.manager): Promise<SampleSelectionSummary[]> {
    const rows: SummaryRow[] = await db.query(
      `SELECT ss.id, ss.name, ss.updated_at,
              (SELECT count(*)::int FROM sample_selection_pole sp
                WHERE sp.selection_id = ss.id
                  AND EXISTS (SELECT 1 FROM space s JOIN space_membership m ON m.space_id = s.id AND m.account_id = ss.account_id
                               WHERE s.pole_id = sp.pole_id)) AS pole_count
         FROM sample_selection ss WHERE ss.account_id = $1`,
      [accountId],
    );
    return rows.map(mapSummaryRow);
  }

  async summary(selectionId: string, db: EntityManager = this.dataSource.manager): Promise<SampleSelectionSummary | undefined> {
    const rows: SummaryRow[] = await db.query(`SELECT id, name, updated_at, 0 AS pole_count FROM sample_selection WHERE id = $1`, [selectionId]);
    return rows[0] ? mapSummaryRow(rows[0]) : undefined;
  }

  /** The selection's poles, each with whether the owner still reads it (a member of one of its spaces). */
  async poles(selectionId: string, db: EntityManager = this.dataSource.manager): Promise<(SamplePole & { inScope: boolean })[]> {
    const rows: { id: string; name: string; territory: string; in_scope: boolean }[] = await db.query(
      `SELECT po.id, po.name, po.territory,
              EXISTS (SELECT 1 FROM space s JOIN space_membership m ON m.space_id = s.id AND m.account_id = ss.account_id
                       WHERE s.pole_id = po.id) AS in_scope
         FROM sample_selection ss JOIN sample_selection_pole sp ON sp.selection_id = ss.id JOIN pole po ON po.id = sp.pole_id
        WHERE ss.id = $1`,
      [selectionId],
    );
    return rows.map((r) => ({ id: r.id, name: r.name, territory: r.territory, inScope: r.in_scope }));
  }

  /** Whether the owner already has another selection of that name (case ignored). */
  async nameTaken(accountId: string, name: string, except: string | null, db: EntityManager = this.dataSource.manager): Promise<boolean> {
    const rows: unknown[] = await db.query(
      `SELECT 1 FROM sample_selection WHERE account_id = $1 AND lower(name) = lower($2) AND ($3::uuid IS NULL OR id <> $3)`,
      [accountId, name, except],
    );
    return rows.length > 0;
  }

  async insert(accountId: string, name: string, db: EntityManager = this.dataSource.manager): Promise<string> {
    const [{ id }]: { id: string }[] = await db.query(`INSERT INTO sample_selection (account_id, name) VALUES ($1, $2) RETURNING id`, [accountId, name]);
    return id;
  }

  async rename(selectionId: string, name: string, db: EntityManager = this.dataSource.manager): Promise<void> {
    await db.query(`UPDATE sample_selection SET name = $2, updated_at = now() WHERE id = $1`, [selectionId, name]);
  }

  /** Makes the selection hold exactly these poles. */
  async replacePoles(selectionId: string, poleIds: string[], db: EntityManager = this.dataSource.manager): Promise<void> {
    await db.query(`DELETE FROM sample_selection_pole WHERE selection_id = $1 AND pole_id <> ALL($2::uuid[])`, [selectionId, poleIds]);
    await db.query(`INSERT INTO sample_selection_pole (selection_id, pole_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`, [selectionId, poleIds]);
  }

  async delete(selectionId: string, db: EntityManager = this.dataSource.manager): Promise<void> {
    await db.query(`DELETE FROM sample_selection WHERE id = $1`, [selectionId]);
  }
}
