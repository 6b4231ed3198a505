import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { testimonyStoryDocument } from '@concerto/collab';
import type { CreateTestimonyRequest, TestimonyCollectivite, TestimonyFigureInput, TestimonyStatus, TestimonyView } from '@concerto/domain';
import { changedRows } from '../database/changed-rows.js';

/** A testimony as stored: its view with the key figures as given (live ones are read by the service). */
export type StoredTestimony = Omit<TestimonyView, 'figures'> & { figures: TestimonyFigureInput[] };

const TESTIMONY_SELECT = `
  SELECT t.id, t.space_id, t.title, t.territory, t.levers, t.figures, t.quotes, t.status,
         t.status_changed_by_id, sc.display_name AS status_changed_by_name, t.status_changed_at,
         t.source_session_id, cs.title AS source_session_title, t.source_note_id,
         t.version, t.created_by_id, cb.display_name AS created_by_name, t.created_at, t.updated_at,
         p.id AS pole_id, p.name AS pole_name, p.territory AS pole_territory,
         coalesce((SELECT json_agg(json_build_object('organisation', json_build_object('id', o.id, 'name', o.name, 'level', o.collectivite_level),
                                                     'stages', tc.stages) ORDER BY tc.position)
                     FROM testimony_collectivite tc JOIN organisation o ON o.id = tc.organisation_id
                    WHERE tc.testimony_id = t.id), '[]') AS collectivites
    FROM testimony t
    JOIN space s ON s.id = t.space_id
    JOIN pole p ON p.id = s.pole_id
    JOIN account cb ON cb.id = t.created_by_id
    LEFT JOIN account sc ON sc.id = t.status_changed_by_id
    LEFT JOIN concertation_session cs ON cs.id = t.source_session_id`;

interface TestimonyRow {
  id: string;
  space_id: string;
  title: string;
  territory: string;
  levers: TestimonyView['levers'];
  figures: TestimonyFigureInput[];
  quotes: TestimonyView['quotes'];
  status: TestimonyStatus;
  status_changed_by_id: string | null;
  status_changed_by_name: string | null;
  status_changed_at: Date | null;
  source_session_id: string | null;
  source_session_title: string | null;
  source_note_id: string | null;
  version: number;
  created_by_id: string;
  created_by_name: string;
  created_at: Date;
  updated_at: Date;
  pole_id: string;
  pole_name: string;
  pole_territory: string;
  collectivites: TestimonyView['collectivites'];
}

const mapTestimonyRow = (r: TestimonyRow): StoredTestimony => ({
  id: r.id,
  spaceId: r.space_id,
  pole: { id: r.pole_id, name: r.pole_name, territory: r.pole_territory },
  title: r.title,
  territory: r.territory,
  collectivites: r.collectivites,
  levers: r.levers,
  figures: r.figures,
  quotes: r.quotes,
  status: r.status,
  statusChangedBy: r.status_changed_by_id ? { id: r.status_changed_by_id, displayName: r.status_changed_by_name ?? '' } : null,
  statusChangedAt: r.status_changed_at ? r.status_changed_at.toISOString() : null,
  source:
    r.source_session_id && r.source_note_id ? { sessionId: r.source_session_id, sessionTitle: r.source_session_title ?? '', noteId: r.source_note_id } : null,
  storyDocument: testimonyStoryDocument(r.id),
  version: r.version,
  createdBy: { id: r.created_by_id, displayName: r.created_by_name },
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

/** What a change to a testimony is checked against: its version, status and author. */
export interface LockedTestimony {
  id: string;
  version: number;
  status: TestimonyStatus;
  createdById: string;
}

interface LockedRow {
  id: string;
  version: number;
  status: TestimonyStatus;
  created_by_id: string;
}

const mapLockedRow = (r: LockedRow): LockedTestimony => ({ id: r.id, version: r.version, status: r.status, createdById: r.created_by_id });

/** The fields of a testimony's own row. */
export type TestimonyFields = Pick<CreateTestimonyRequest, 'title' | 'territory' | 'levers' | 'figures' | 'quotes'>;
const COLUMN_OF = { title: 'title', territory: 'territory', levers: 'levers', figures: 'figures', quotes: 'quotes' } as const;
const JSON_FIELDS = new Set<keyof TestimonyFields>(['figures', 'quotes']);

/** Where a testimony made from a session contribution comes from. */
export interface TestimonySource {
  sessionId: string;
  noteId: string;
}

/** The SQL of `testimony` and `testimony_collectivite`. */
@Injectable()
export class TestimoniesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The space's testimonies, newest first. */
  async list(spaceId: string, db: EntityManager = this.dataSource.manager): Promise<StoredTestimony[]> {
    const rows: TestimonyRow[] = await db.query(`${TESTIMONY_SELECT} WHERE t.space_id = $1 ORDER BY t.created_at DESC, t.id`, [spaceId]);
    return rows.map(mapTestimonyRow);
  }

  async find(spaceId: string, testimonyId: string, db: EntityManager = this.dataSource.manager): Promise<StoredTestimony | undefined> {
    const rows: TestimonyRow[] = await db.query(`${TESTIMONY_SELECT} WHERE t.space_id = $1 AND t.id = $2`, [spaceId, testimonyId]);
    return rows[0] && mapTestimonyRow(rows[0]);
  }

  /** The testimony made from this contribution, if any. */
  async findBySource(source: TestimonySource, db: EntityManager = this.dataSource.manager): Promise<string | undefined> {
    const rows: { id: string }[] = await db.query(`SELECT id FROM testimony WHERE source_session_id = $1 AND source_note_id = $2`, [
      source.sessionId,
      source.noteId,
    ]);
    return rows[0]?.id;
  }

  /** Locks a testimony of the space for the rest of the transaction; undefined when it is not in this space. */
  async lock(spaceId: string, testimonyId: string, db: EntityManager = this.dataSource.manager): Promise<LockedTestimony | undefined> {
    const rows: LockedRow[] = await db.query(`SELECT id, version, status, created_by_id FROM testimony WHERE id = $1 AND space_id = $2 FOR UPDATE`, [
      testimonyId,
      spaceId,
    ]);
    return rows[0] && mapLockedRow(rows[0]);
  }

  /**
   * Inserts a draft testimony; with a source, nothing when that contribution already became one (undefined then:
   * the unique constraint decides, whatever the race).
   */
  async insert(
    spaceId: string,
    fields: TestimonyFields,
    accountId: string,
    source: TestimonySource | null,
    db: EntityManager = this.dataSource.manager,
  ): Promise<string | undefined> {
    const rows: { id: string }[] = await db.query(
      `INSERT INTO testimony (space_id, title, territory, levers, figures, quotes, created_by_id, source_session_id, source_note_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT ON CONSTRAINT testimony_source_key DO NOTHING RETURNING id`,
      [
        spaceId,
        fields.title,
        fields.territory,
        fields.levers,
        JSON.stringify(fields.figures),
        JSON.stringify(fields.quotes),
        accountId,
        source?.sessionId ?? null,
        source?.noteId ?? null,
      ],
    );
    return rows[0]?.id;
  }

  /** Writes the given fields (and the status when given, with who changed it), bumping the version. */
  async update(
    testimonyId: string,
    values: Partial<TestimonyFields>,
    status: { status: TestimonyStatus; accountId: string } | null,
    db: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    const sets: string[] = [];
    const params: unknown[] = [testimonyId];
    const set = (column: string, value: unknown) => {
      params.push(value);
      sets.push(`${column} = $${params.length}`);
    };
    for (const field of Object.keys(COLUMN_OF) as (keyof TestimonyFields)[]) {
      const value = values[field];
      if (value !== undefined) set(COLUMN_OF[field], JSON_FIELDS.has(field) ? JSON.stringify(value) : value);
    }
    if (status) {
      set('status', status.status);
      set('status_changed_by_id', status.accountId);
      sets.push('status_changed_at = now()');
    }
    await db.query(`UPDATE testimony SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1`, params);
  }

  async delete(testimonyId: string, db: EntityManager = this.dataSource.manager): Promise<boolean> {
    return (await changedRows(db, `DELETE FROM testimony WHERE id = $1 RETURNING id`, [testimonyId])).length > 0;
  }

  async replaceCollectivites(testimonyId: string, collectivites: TestimonyCollectivite[], db: EntityManager = this.dataSource.manager): Promise<void> {
    await db.query(`DELETE FROM testimony_collectivite WHERE testimony_id = $1`, [testimonyId]);
    if (collectivites.length === 0) return;
    await db.query(
      `INSERT INTO testimony_collectivite (testimony_id, organisation_id, position, stages)
       SELECT $1, c.organisation_id, c.position - 1, ARRAY(SELECT json_array_elements_text(c.stages))
         FROM unnest($2::uuid[], $3::json[]) WITH ORDINALITY AS c(organisation_id, stages, position)`,
      [testimonyId, collectivites.map((c) => c.organisationId), collectivites.map((c) => JSON.stringify(c.stages))],
    );
  }

  /** Which of these testimonies belong to the space. */
  async inSpace(spaceId: string, testimonyIds: string[], db: EntityManager = this.dataSource.manager): Promise<Set<string>> {
    if (testimonyIds.length === 0) return new Set();
    const rows: { id: string }[] = await db.query(`SELECT id FROM testimony WHERE space_id = $1 AND id = ANY($2::uuid[])`, [spaceId, testimonyIds]);
    return new Set(rows.map((r) => r.id));
  }
}
