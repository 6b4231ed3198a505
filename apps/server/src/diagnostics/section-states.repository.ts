import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { SectionStateView } from '@concerto/domain';

/** A section's stored self-assessment (a section never assessed has no row). */
export interface SectionState {
  sectionId: string;
  score: number | null;
  justification: string;
  status: SectionStateView['status'];
  /** Bumped by each change; 0 for a row created only to be locked. */
  version: number;
  updatedAt: Date;
  updatedBy: SectionStateView['updatedBy'];
}

/** What a change sets; `score: null` clears the score, an absent field is left as it is. */
export interface SectionStateChange {
  score?: number | null;
  justification?: string;
  status?: SectionStateView['status'];
}

interface SectionStateRow {
  section_id: string;
  score: number | null;
  justification: string;
  status: SectionStateView['status'];
  version: number;
  updated_at: Date;
  updated_by_id: string | null;
  display_name: string | null;
}

function mapSectionStateRow(r: SectionStateRow): SectionState {
  return {
    sectionId: r.section_id,
    score: r.score,
    justification: r.justification,
    status: r.status,
    version: r.version,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by_id ? { id: r.updated_by_id, displayName: r.display_name ?? '' } : null,
  };
}

const SELECT_STATE = `SELECT s.*, a.display_name FROM diagnostic_section_state s LEFT JOIN account a ON a.id = s.updated_by_id`;

/** SQL of `diagnostic_section_state`. */
@Injectable()
export class SectionStatesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(spaceId: string, db: EntityManager = this.dataSource.manager): Promise<SectionState[]> {
    const rows: SectionStateRow[] = await db.query(`${SELECT_STATE} WHERE s.space_id = $1`, [spaceId]);
    return rows.map(mapSectionStateRow);
  }

  async find(spaceId: string, sectionId: string, db: EntityManager = this.dataSource.manager): Promise<SectionState | undefined> {
    const rows: SectionStateRow[] = await db.query(`${SELECT_STATE} WHERE s.space_id = $1 AND s.section_id = $2`, [spaceId, sectionId]);
    return rows[0] && mapSectionStateRow(rows[0]);
  }

  /**
   * Locks the section's row until the end of the transaction `db`, creating it (version 0) if the section was
   * never assessed, so that two first changes also wait for each other. Returns the row's version.
   */
  async lockCreating(spaceId: string, sectionId: string, db: EntityManager): Promise<number> {
    await db.query(`INSERT INTO diagnostic_section_state (space_id, section_id, version) VALUES ($1, $2, 0) ON CONFLICT DO NOTHING`, [spaceId, sectionId]);
    const [row]: { version: number }[] = await db.query(`SELECT version FROM diagnostic_section_state WHERE space_id = $1 AND section_id = $2 FOR UPDATE`, [
      spaceId,
      sectionId,
    ]);
    return row.version;
  }

  /** Applies the change by `accountId`, now, and bumps the version. */
  async update(spaceId: string, sectionId: string, change: SectionStateChange, accountId: string, db: EntityManager = this.dataSource.manager): Promise<void> {
    await db.query(
      `UPDATE diagnostic_section_state
          SET score = CASE WHEN $3 THEN $4::int ELSE score END, justification = coalesce($5, justification), status = coalesce($6, status),
              version = version + 1, updated_by_id = $7, updated_at = now()
        WHERE space_id = $1 AND section_id = $2`,
      [spaceId, sectionId, change.score !== undefined, change.score ?? null, change.justification ?? null, change.status ?? null, accountId],
    );
  }
}
