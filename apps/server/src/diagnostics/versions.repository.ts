import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { VersionKind, VersionView } from '@concerto/domain';

const SELECT_VERSION = `
  SELECT v.id, v.name, v.kind, v.created_at, v.created_by_id, a.display_name AS author_name,
         coalesce((SELECT json_agg(json_build_object('id', c.id, 'displayName', c.display_name) ORDER BY c.display_name)
                     FROM account c WHERE c.id = ANY(v.contributor_ids)), '[]') AS contributors
    FROM diagnostic_version v LEFT JOIN account a ON a.id = v.created_by_id`;

interface VersionRow {
  id: string;
  name: string;
  kind: VersionKind;
  created_at: Date;
  created_by_id: string | null;
  author_name: string | null;
  contributors: VersionView['contributors'];
}

function mapVersionRow(r: VersionRow): VersionView {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    createdAt: r.created_at.toISOString(),
    createdBy: r.created_by_id ? { id: r.created_by_id, displayName: r.author_name ?? '' } : null,
    contributors: r.contributors,
  };
}

/** The newest version of a diagnostic, as much as a new save compares against. */
export interface LatestVersion {
  stateVector: Buffer;
  createdAt: Date;
}

export interface NewVersion {
  spaceId: string;
  name: string;
  kind: VersionKind;
  /** The whole document as one Yjs update, and its state vector. */
  state: Buffer;
  stateVector: Buffer;
  createdById: string | null;
  /** The collaborative document whose contributors since `contributorsSince` are the version's contributors. */
  docName: string;
  contributorsSince: Date | null;
}

/** SQL of `diagnostic_version`: versions come back in their API shape, with author and contributors named. */
@Injectable()
export class VersionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Newest first. */
  async list(spaceId: string, db: EntityManager = this.dataSource.manager): Promise<VersionView[]> {
    const rows: VersionRow[] = await db.query(`${SELECT_VERSION} WHERE v.space_id = $1 ORDER BY v.created_at DESC`, [spaceId]);
    return rows.map(mapVersionRow);
  }

  async find(versionId: string, db: EntityManager = this.dataSource.manager): Promise<VersionView | undefined> {
    const rows: VersionRow[] = await db.query(`${SELECT_VERSION} WHERE v.id = $1`, [versionId]);
    return rows[0] && mapVersionRow(rows[0]);
  }

  /** The version with its stored document (one Yjs update). */
  async findWithState(
    spaceId: string,
    versionId: string,
    db: EntityManager = this.dataSource.manager,
  ): Promise<{ view: VersionView; state: Buffer } | undefined> {
    const rows: (VersionRow & { state: Buffer })[] = await db.query(
      `${SELECT_VERSION.replace('SELECT v.id,', 'SELECT v.state, v.id,')} WHERE v.space_id = $1 AND v.id = $2`,
      [spaceId, versionId],
    );
    return rows[0] && { view: mapVersionRow(rows[0]), state: rows[0].state };
  }

  /** Serialises the saves of one diagnostic's versions until the end of the transaction `db`. */
  async lockSaves(spaceId: string, db: EntityManager): Promise<void> {
    await db.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`diagnostic-version:${spaceId}`]);
  }

  async latest(spaceId: string, db: EntityManager = this.dataSource.manager): Promise<LatestVersion | undefined> {
    const rows: { state_vector: Buffer; created_at: Date }[] = await db.query(
      `SELECT state_vector, created_at FROM diagnostic_version WHERE space_id = $1 ORDER BY created_at DESC LIMIT 1`,
      [spaceId],
    );
    return rows[0] && { stateVector: rows[0].state_vector, createdAt: rows[0].created_at };
  }

  /** Stores the version with, as contributors, whoever edited the document since `contributorsSince`; returns its id. */
  async insert(version: NewVersion, db: EntityManager = this.dataSource.manager): Promise<string> {
    const [row]: { id: string }[] = await db.query(
      `INSERT INTO diagnostic_version (space_id, name, kind, state, state_vector, contributor_ids, created_by_id)
       SELECT $1, $2, $3, $4, $5, coalesce(array_agg(account_id), '{}'), $6
         FROM collab_contribution WHERE doc = $7 AND last_edit_at > coalesce($8::timestamptz, '-infinity')
       RETURNING id`,
      [version.spaceId, version.name, version.kind, version.state, version.stateVector, version.createdById, version.docName, version.contributorsSince],
    );
    return row.id;
  }
}
