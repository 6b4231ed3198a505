import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { GuideVersionSummary, GuideView } from '@concerto/domain';
import { changedRows } from '../database/changed-rows.js';

interface VersionRow {
  id: string;
  name: string;
  created_at: Date;
  created_by_id: string | null;
  created_by_name: string | null;
  published: boolean;
}

const mapVersionRow = (r: VersionRow): GuideVersionSummary => ({
  id: r.id,
  name: r.name,
  createdAt: r.created_at.toISOString(),
  createdBy: r.created_by_id && r.created_by_name !== null ? { id: r.created_by_id, displayName: r.created_by_name } : null,
  published: r.published,
});

const VERSION_SELECT = `
  SELECT v.id, v.name, v.created_at, v.created_by_id, a.display_name AS created_by_name,
         EXISTS (SELECT 1 FROM guide_publication p WHERE p.version_id = v.id) AS published
    FROM guide_version v LEFT JOIN account a ON a.id = v.created_by_id`;

export interface StoredPublication {
  spaceId: string;
  token: string;
  versionId: string;
  publishedAt: string;
  publishedBy: { id: string; displayName: string } | null;
}

interface PublicationRow {
  space_id: string;
  token: string;
  version_id: string;
  published_at: Date;
  published_by_id: string | null;
  published_by_name: string | null;
}

const mapPublicationRow = (r: PublicationRow): StoredPublication => ({
  spaceId: r.space_id,
  token: r.token,
  versionId: r.version_id,
  publishedAt: r.published_at.toISOString(),
  publishedBy: r.published_by_id && r.published_by_name !== null ? { id: r.published_by_id, displayName: r.published_by_name } : null,
});

/** The SQL of the guide document: the space it belongs to, its frozen versions and its publication. */
@Injectable()
export class GuideDocumentRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async space(spaceId: string, db: EntityManager = this.dataSource.manager): Promise<{ name: string; poleId: string } | undefined> {
    const rows: { name: string; pole_id: string }[] = await db.query(`SELECT title AS name, pole_id FROM space WHERE id = $1`, [spaceId]);
    return rows[0] && { name: rows[0].name, poleId: rows[0].pole_id };
  }

  async spaceOfAnalysis(analysisId: string, db: EntityManager = this.dataSource.manager): Promise<string | undefined> {
    const rows: { space_id: string }[] = await db.query(`SELECT space_id FROM analysis WHERE id = $1`, [analysisId]);
    return rows[0]?.space_id;
  }

  /** A frozen version; its `created_at` is the view's `frozenAt`, so that both say the same instant. */
  async insertVersion(
    version: { spaceId: string; name: string; createdById: string | null; state: Buffer; view: GuideView },
    db: EntityManager = this.dataSource.manager,
  ): Promise<string> {
    const rows: { id: string }[] = await db.query(
      `INSERT INTO guide_version (space_id, name, created_by_id, y_state, view, created_at) VALUES ($1, $2, $3, $4, $5::jsonb, $6) RETURNING id`,
      [version.spaceId, version.name, version.createdById, version.state, JSON.stringify(version.view), version.view.frozenAt],
    );
    return rows[0].id;
  }

  async listVersions(spaceId: string, db: EntityManager = this.dataSource.manager): Promise<GuideVersionSummary[]> {
    const rows: VersionRow[] = await db.query(`${VERSION_SELECT} WHERE v.space_id = $1 ORDER BY v.created_at DESC, v.id`, [spaceId]);
    return rows.map(mapVersionRow);
  }

  async findVersion(spaceId: string, versionId: string, db: EntityManager = this.dataSource.manager): Promise<GuideVersionSummary | undefined> {
    const rows: VersionRow[] = await db.query(`${VERSION_SELECT} WHERE v.space_id = $1 AND v.id = $2`, [spaceId, versionId]);
    return rows[0] && mapVersionRow(rows[0]);
  }

  /** The frozen view of a version of the space (stored as written: it is the server's own JSON). */
  async versionView(spaceId: string, versionId: string, db: EntityManager = this.dataSource.manager): Promise<GuideView | undefined> {
    const rows: { view: GuideView }[] = await db.query(`SELECT view FROM guide_version WHERE space_id = $1 AND id = $2`, [spaceId, versionId]);
    return rows[0]?.view;
  }

  async versionState(spaceId: string, versionId: string, db: EntityManager = this.dataSource.manager): Promise<{ name: string; state: Buffer } | undefined> {
    const rows: { name: string; y_state: Buffer }[] = await db.query(`SELECT name, y_state FROM guide_version WHERE space_id = $1 AND id = $2`, [
      spaceId,
      versionId,
    ]);
    return rows[0] && { name: rows[0].name, state: rows[0].y_state };
  }

  /**
   * Publishes a version: a first publication under `token`; a new one replaces the version behind the link already
   * shared, which keeps its token (a withdrawn link is gone for good: publishing again makes a new one).
   */
  async publish(spaceId: string, versionId: string, token: string, accountId: string, db: EntityManager = this.dataSource.manager): Promise<void> {
    await db.query(
      `INSERT INTO guide_publication (space_id, token, version_id, published_by_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (space_id) DO UPDATE SET version_id = EXCLUDED.version_id, published_by_id = EXCLUDED.published_by_id, published_at = now()`,
      [spaceId, token, versionId, accountId],
    );
  }

  async publication(spaceId: string, db: EntityManager = this.dataSource.manager): Promise<StoredPublication | undefined> {
    const rows: PublicationRow[] = await db.query(
      `SELECT p.space_id, p.token, p.version_id, p.published_at, p.published_by_id, a.display_name AS published_by_name
         FROM guide_publication p LEFT JOIN account a ON a.id = p.published_by_id WHERE p.space_id = $1`,
      [spaceId],
    );
    return rows[0] && mapPublicationRow(rows[0]);
  }

  /** Withdraws the space's publication; false when there was none. */
  async withdraw(spaceId: string, db: EntityManager = this.dataSource.manager): Promise<boolean> {
    return (await changedRows(db, `DELETE FROM guide_publication WHERE space_id = $1 RETURNING space_id`, [spaceId])).length > 0;
  }

  /** The frozen view published under this token, if it is published now. */
  async publishedView(token: string, db: EntityManager = this.dataSource.manager): Promise<GuideView | undefined> {
    const rows: { view: GuideView }[] = await db.query(
      `SELECT v.view FROM guide_publication p JOIN guide_version v ON v.id = p.version_id WHERE p.token = $1`,
      [token],
    );
    return rows[0]?.view;
  }
}
