import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { analysisTextDocument } from '@concerto/collab';
import type { AnalysisScope, AnalysisView } from '@concerto/domain';
import { changedRows } from '../database/changed-rows.js';

const ANALYSIS_SELECT = `
  SELECT a.id, a.space_id, a.title, a.scope_kind, a.scope_key, a.position, a.created_by_id, cb.display_name AS created_by_name,
         a.created_at, a.updated_at
    FROM analysis a JOIN account cb ON cb.id = a.created_by_id`;

interface AnalysisRow {
  id: string;
  space_id: string;
  title: string;
  scope_kind: AnalysisScope['kind'];
  scope_key: string | null;
  position: number;
  created_by_id: string;
  created_by_name: string;
  created_at: Date;
  updated_at: Date;
}

/** The scope as two columns: its kind, and the stage or lever it names (none for a free subject). */
const scopeOf = (r: AnalysisRow): AnalysisScope => {
  switch (r.scope_kind) {
    case 'stage':
      return { kind: 'stage', stage: r.scope_key as Extract<AnalysisScope, { kind: 'stage' }>['stage'] };
    case 'lever':
      return { kind: 'lever', lever: r.scope_key as Extract<AnalysisScope, { kind: 'lever' }>['lever'] };
    case 'free':
      return { kind: 'free' };
  }
};
const scopeKey = (scope: AnalysisScope): string | null => (scope.kind === 'stage' ? scope.stage : scope.kind === 'lever' ? scope.lever : null);

const mapAnalysisRow = (r: AnalysisRow): AnalysisView => ({
  id: r.id,
  spaceId: r.space_id,
  title: r.title,
  scope: scopeOf(r),
  position: r.position,
  document: analysisTextDocument(r.id),
  createdBy: { id: r.created_by_id, displayName: r.created_by_name },
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

/** The SQL of `analysis`: the guide's chapters, their titles, scopes and order (their text is a co-edited document). */
@Injectable()
export class AnalysesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The space's chapters in their order. */
  async list(spaceId: string, db: EntityManager = this.dataSource.manager): Promise<AnalysisView[]> {
    const rows: AnalysisRow[] = await db.query(`${ANALYSIS_SELECT} WHERE a.space_id = $1 ORDER BY a.position, a.created_at, a.id`, [spaceId]);
    return rows.map(mapAnalysisRow);
  }

  async find(spaceId: string, analysisId: string, db: EntityManager = this.dataSource.manager): Promise<AnalysisView | undefined> {
    const rows: AnalysisRow[] = await db.query(`${ANALYSIS_SELECT} WHERE a.space_id = $1 AND a.id = $2`, [spaceId, analysisId]);
    return rows[0] && mapAnalysisRow(rows[0]);
  }

  /** A new chapter comes last. */
  async insert(spaceId: string, title: string, scope: AnalysisScope, accountId: string, db: EntityManager = this.dataSource.manager): Promise<string> {
    const rows: { id: string }[] = await db.query(
      `INSERT INTO analysis (space_id, title, scope_kind, scope_key, position, created_by_id)
       VALUES ($1, $2, $3, $4, (SELECT coalesce(max(position) + 1, 0) FROM analysis WHERE space_id = $1), $5) RETURNING id`,
      [spaceId, title, scope.kind, scopeKey(scope), accountId],
    );
    return rows[0].id;
  }

  /** Writes the given fields; false when the chapter is not in this space. */
  async update(
    spaceId: string,
    analysisId: string,
    values: { title?: string; scope?: AnalysisScope; position?: number },
    db: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    const sets: string[] = ['updated_at = now()'];
    const params: unknown[] = [analysisId, spaceId];
    const set = (column: string, value: unknown) => {
      params.push(value);
      sets.push(`${column} = $${params.length}`);
    };
    if (values.title !== undefined) set('title', values.title);
    if (values.scope !== undefined) {
      set('scope_kind', values.scope.kind);
      set('scope_key', scopeKey(values.scope));
    }
    if (values.position !== undefined) set('position', values.position);
    const rows = await changedRows(db, `UPDATE analysis SET ${sets.join(', ')} WHERE id = $1 AND space_id = $2 RETURNING id`, params);
    return rows.length > 0;
  }

  async delete(spaceId: string, analysisId: string, db: EntityManager = this.dataSource.manager): Promise<boolean> {
    return (await changedRows(db, `DELETE FROM analysis WHERE id = $1 AND space_id = $2 RETURNING id`, [analysisId, spaceId])).length > 0;
  }
}
