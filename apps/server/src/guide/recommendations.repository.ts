import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { CreateRecommendationRequest, RecommendationOrigin, RecommendationStatus, RecommendationView } from '@concerto/domain';
import { changedRows } from '../database/changed-rows.js';

/** A vote held on a recommendation, before its result is worded for the reader. */
export interface LinkedVote {
  voteId: string;
  sessionId: string;
  title: string;
  closed: boolean;
}

/** A recommendation as stored: the label of a diagnostic section origin and the votes' results are the service's. */
export type StoredRecommendation = Omit<RecommendationView, 'votes' | 'sections'> & { votes: LinkedVote[] };

const RECOMMENDATION_SELECT = `
  SELECT r.id, r.space_id, r.statement, r.rationale, r.levers, r.stages, r.levels, r.origin_kind, r.origin_ref, r.status,
         r.decided_by_id, db.display_name AS decided_by_name, r.decided_at, r.version,
         r.created_by_id, cb.display_name AS created_by_name, r.created_at, r.updated_at,
         coalesce((SELECT json_agg(json_build_object('id', t.id, 'title', t.title) ORDER BY t.title, t.id)
                     FROM recommendation_testimony rt JOIN testimony t ON t.id = rt.testimony_id
                    WHERE rt.recommendation_id = r.id), '[]') AS testimonies,
         coalesce((SELECT array_agg(section_id ORDER BY section_id) FROM recommendation_section WHERE recommendation_id = r.id), '{}') AS section_ids,
         coalesce((SELECT json_agg(json_build_object('voteId', v.id, 'sessionId', v.session_id, 'title', v.title, 'closed', v.status = 'closed')
                                   ORDER BY v.opened_at)
                     FROM recommendation_vote rv JOIN vote v ON v.id = rv.vote_id
                    WHERE rv.recommendation_id = r.id), '[]') AS votes,
         CASE r.origin_kind
           WHEN 'session_decision' THEN (SELECT json_build_object('sessionId', d.session_id, 'label', d.text) FROM session_decision d WHERE d.id::text = r.origin_ref)
           WHEN 'vote_result' THEN (SELECT json_build_object('sessionId', v.session_id, 'label', v.title) FROM vote v WHERE v.id::text = r.origin_ref)
         END AS origin_item
    FROM recommendation r
    JOIN account cb ON cb.id = r.created_by_id
    LEFT JOIN account db ON db.id = r.decided_by_id`;

interface RecommendationRow {
  id: string;
  space_id: string;
  statement: string;
  rationale: string;
  levers: RecommendationView['levers'];
  stages: RecommendationView['stages'];
  levels: RecommendationView['levels'];
  origin_kind: RecommendationOrigin;
  origin_ref: string | null;
  status: RecommendationStatus;
  decided_by_id: string | null;
  decided_by_name: string | null;
  decided_at: Date | null;
  version: number;
  created_by_id: string;
  created_by_name: string;
  created_at: Date;
  updated_at: Date;
  testimonies: RecommendationView['testimonies'];
  section_ids: string[];
  votes: LinkedVote[];
  origin_item: { sessionId: string; label: string } | null;
}

const mapRecommendationRow = (r: RecommendationRow): StoredRecommendation => ({
  id: r.id,
  spaceId: r.space_id,
  statement: r.statement,
  rationale: r.rationale,
  levers: r.levers,
  stages: r.stages,
  levels: r.levels,
  testimonies: r.testimonies,
  sectionIds: r.section_ids,
  origin: { kind: r.origin_kind, label: r.origin_item?.label ?? null, sessionId: r.origin_item?.sessionId ?? null, refId: r.origin_ref },
  status: r.status,
  decidedBy: r.decided_by_id ? { id: r.decided_by_id, displayName: r.decided_by_name ?? '' } : null,
  decidedAt: r.decided_at ? r.decided_at.toISOString() : null,
  votes: r.votes,
  version: r.version,
  createdBy: { id: r.created_by_id, displayName: r.created_by_name },
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

/** What a change to a recommendation is checked against. */
export interface LockedRecommendation {
  id: string;
  statement: string;
  version: number;
  status: RecommendationStatus;
  createdById: string;
}

interface LockedRow {
  id: string;
  statement: string;
  version: number;
  status: RecommendationStatus;
  created_by_id: string;
}

const mapLockedRow = (r: LockedRow): LockedRecommendation => ({
  id: r.id,
  statement: r.statement,
  version: r.version,
  status: r.status,
  createdById: r.created_by_id,
});

/** The fields of a recommendation's own row. */
export type RecommendationFields = Pick<CreateRecommendationRequest, 'statement' | 'rationale' | 'levers' | 'stages' | 'levels'>;
export const RECOMMENDATION_FIELDS = ['statement', 'rationale', 'levers', 'stages', 'levels'] as const satisfies (keyof RecommendationFields)[];

/** The SQL of `recommendation` and its links to testimonies, diagnostic sections and votes. */
@Injectable()
export class RecommendationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The space's recommendations, oldest first. */
  async list(spaceId: string, db: EntityManager = this.dataSource.manager): Promise<StoredRecommendation[]> {
    const rows: RecommendationRow[] = await db.query(`${RECOMMENDATION_SELECT} WHERE r.space_id = $1 ORDER BY r.created_at, r.id`, [spaceId]);
    return rows.map(mapRecommendationRow);
  }

  async find(spaceId: string, recommendationId: string, db: EntityManager = this.dataSource.manager): Promise<StoredRecommendation | undefined> {
    const rows: RecommendationRow[] = await db.query(`${RECOMMENDATION_SELECT} WHERE r.space_id = $1 AND r.id = $2`, [spaceId, recommendationId]);
    return rows[0] && mapRecommendationRow(rows[0]);
  }

  /** Locks recommendations of the space for the rest of the transaction; those not in this space are left out. */
  async lock(spaceId: string, recommendationIds: string[], db: EntityManager = this.dataSource.manager): Promise<Map<string, LockedRecommendation>> {
    const rows: LockedRow[] = await db.query(
      `SELECT id, statement, version, status, created_by_id FROM recommendation WHERE space_id = $1 AND id = ANY($2::uuid[]) ORDER BY id FOR UPDATE`,
      [spaceId, recommendationIds],
    );
    return new Map(rows.map((r) => [r.id, mapLockedRow(r)]));
  }

  async insert(
    spaceId: string,
    fields: RecommendationFields,
    origin: { kind: RecommendationOrigin; ref: string | null },
    accountId: string,
    db: EntityManager = this.dataSource.manager,
  ): Promise<string> {
    const rows: { id: string }[] = await db.query(
      `INSERT INTO recommendation (space_id, statement, rationale, levers, stages, levels, origin_kind, origin_ref, created_by_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [spaceId, fields.statement, fields.rationale, fields.levers, fields.stages, fields.levels, origin.kind, origin.ref, accountId],
    );
    return rows[0].id;
  }

  /** Writes the given fields (and the status when given, with who decided it), bumping the version. */
  async update(
    recommendationId: string,
    values: Partial<RecommendationFields>,
    status: { status: RecommendationStatus; decidedBy: string | null } | null,
    db: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    const sets: string[] = [];
    const params: unknown[] = [recommendationId];
    const set = (column: string, value: unknown) => {
      params.push(value);
      sets.push(`${column} = $${params.length}`);
    };
    for (const field of RECOMMENDATION_FIELDS) if (values[field] !== undefined) set(field, values[field]);
    if (status) {
      set('status', status.status);
      set('decided_by_id', status.decidedBy);
      sets.push(`decided_at = CASE WHEN $${params.length}::uuid IS NULL THEN NULL ELSE now() END`);
    }
    await db.query(`UPDATE recommendation SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1`, params);
  }

  async delete(recommendationId: string, db: EntityManager = this.dataSource.manager): Promise<boolean> {
    return (await changedRows(db, `DELETE FROM recommendation WHERE id = $1 RETURNING id`, [recommendationId])).length > 0;
  }

  async replaceTestimonies(recommendationId: string, testimonyIds: string[], db: EntityManager = this.dataSource.manager): Promise<void> {
    await db.query(`DELETE FROM recommendation_testimony WHERE recommendation_id = $1`, [recommendationId]);
    await db.query(`INSERT INTO recommendation_testimony (recommendation_id, testimony_id) SELECT $1, unnest($2::uuid[])`, [recommendationId, testimonyIds]);
  }

  async replaceSections(recommendationId: string, sectionIds: string[], db: EntityManager = this.dataSource.manager): Promise<void> {
    await db.query(`DELETE FROM recommendation_section WHERE recommendation_id = $1`, [recommendationId]);
    await db.query(`INSERT INTO recommendation_section (recommendation_id, section_id) SELECT $1, unnest($2::text[])`, [recommendationId, sectionIds]);
  }

  /** Links recommendations to a vote held on them. */
  async linkVote(recommendationIds: string[], voteId: string, db: EntityManager = this.dataSource.manager): Promise<void> {
    await db.query(`INSERT INTO recommendation_vote (recommendation_id, vote_id) SELECT unnest($1::uuid[]), $2`, [recommendationIds, voteId]);
  }
}
