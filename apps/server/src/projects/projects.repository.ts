import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  type CreateProjectRequest,
  IndicatorKind,
  type ProjectListQuery,
  type ProjectOrigin,
  type ProjectPartnerInput,
  type ProjectSummary,
  type UpdateProjectRequest,
} from '@concerto/domain';
import { changedRows } from '../database/changed-rows.js';

export const day = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;

const SUMMARY_SELECT = `
  SELECT p.id, p.space_id, p.title, p.summary, p.stage, p.status,
         ${day('p.start_date')} AS start_date, ${day('p.end_date')} AS end_date,
         p.levers, p.policy_frames, p.version, p.updated_at,
         coalesce((SELECT json_agg(json_build_object('organisationId', o.id, 'name', o.name, 'kind', o.kind, 'role', pp.role)
                                   ORDER BY o.name, pp.role)
                     FROM project_partner pp JOIN organisation o ON o.id = pp.organisation_id
                    WHERE pp.project_id = p.id), '[]') AS partners,
         m.milestone_count, m.milestones_done,
         coalesce(f.requested, 0) AS requested, coalesce(f.secured, 0) AS secured, coalesce(f.paid, 0) AS paid,
         coalesce(f.funder_ids, '{}') AS funder_ids,
         coalesce(li.latest, '[]') AS latest_indicators
    FROM project p
    LEFT JOIN LATERAL (SELECT count(*)::int AS milestone_count, (count(*) FILTER (WHERE done))::int AS milestones_done
                         FROM project_milestone WHERE project_id = p.id) m ON true
    LEFT JOIN LATERAL (SELECT sum(amount_cents) FILTER (WHERE status = 'requested') AS requested,
                              sum(amount_cents) FILTER (WHERE status = 'secured') AS secured,
                              sum(amount_cents) FILTER (WHERE status = 'paid') AS paid,
                              array_agg(DISTINCT funder_id::text) AS funder_ids
                         FROM funding_line WHERE project_id = p.id) f ON true
    LEFT JOIN LATERAL (SELECT json_agg(json_build_object('kind', kind, 'label', label, 'unit', unit, 'measuredOn', ${day('measured_on')},
                                                         'value', value::float8)
                                       ORDER BY array_position('{${IndicatorKind.keys.join(',')}}'::text[], kind), label) AS latest
                         FROM (SELECT DISTINCT ON (kind, label) kind, label, unit, measured_on, value
                                 FROM project_indicator WHERE project_id = p.id
                                ORDER BY kind, label, measured_on DESC, created_at DESC, id DESC) latest_measures) li ON true`;

interface SummaryRow {
  id: string;
  space_id: string;
  title: string;
  summary: string;
  stage: ProjectSummary['stage'];
  status: ProjectSummary['status'];
  start_date: string | null;
  end_date: string | null;
  levers: ProjectSummary['levers'];
  policy_frames: ProjectSummary['policyFrames'];
  version: number;
  updated_at: Date;
  partners: ProjectSummary['partners'];
  milestone_count: number;
  milestones_done: number;
  requested: string;
  secured: string;
  paid: string;
  funder_ids: string[];
  latest_indicators: ProjectSummary['latestIndicators'];
}

function mapSummaryRow(row: SummaryRow): ProjectSummary {
  return {
    id: row.id,
    spaceId: row.space_id,
    title: row.title,
    summary: row.summary,
    stage: row.stage,
    status: row.status,
    startDate: row.start_date,
    endDate: row.end_date,
    levers: row.levers,
    policyFrames: row.policy_frames,
    partners: row.partners,
    milestoneCount: row.milestone_count,
    milestonesDone: row.milestones_done,
    progress: row.milestone_count === 0 ? null : row.milestones_done / row.milestone_count,
    funding: {
      requestedCents: Number(row.requested),
      securedCents: Number(row.secured),
      paidCents: Number(row.paid),
    },
    funderIds: row.funder_ids,
    latestIndicators: row.latest_indicators,
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The project fields a PATCH may change, and their columns (in the order the timeline lists them). */
const COLUMN_OF = {
  title: 'title',
  summary: 'summary',
  stage: 'stage',
  status: 'status',
  startDate: 'start_date',
  endDate: 'end_date',
  levers: 'levers',
  policyFrames: 'policy_frames',
} as const;
export type ProjectField = keyof typeof COLUMN_OF;
export const PROJECT_FIELDS = Object.keys(COLUMN_OF) as ProjectField[];
export type ProjectFieldValues = Pick<UpdateProjectRequest, ProjectField>;

export interface LockedProject {
  id: string;
  version: number;
}

/** An organisation as a project's partner or funder sees it: a collectivité has a level. */
export interface OrganisationRef {
  id: string;
  name: string;
  kind: string;
  level: string | null;
  /** Levels it had before, each with the year it changed (its funding lines keep the level they were recorded at). */
  formerLevels: { level: string; untilYear: number }[];
}

interface OrganisationRow {
  id: string;
  name: string;
  kind: string;
  collectivite_level: string | null;
  former_levels: { level: string; untilYear: number }[];
}

const ORGANISATION_SELECT = `
  SELECT o.id, o.name, o.kind, o.collectivite_level,
         coalesce((SELECT json_agg(json_build_object('level', level, 'untilYear', extract(year FROM until)::int))
                     FROM organisation_former_level WHERE organisation_id = o.id), '[]') AS former_levels
    FROM organisation o`;

const mapOrganisationRow = (r: OrganisationRow): OrganisationRef => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  level: r.collectivite_level,
  formerLevels: r.former_levels,
});

/**
 * The SQL of the `project` table, its partners and the organisations they name. Reads and writes go through the
 * data source, or through the transaction passed as the last argument.
 */
@Injectable()
export class ProjectsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The space's projects for the board, filtered by lever, partner, funder, stage or status. */
  async listSummaries(spaceId: string, filters: ProjectListQuery, db: EntityManager = this.dataSource.manager): Promise<ProjectSummary[]> {
    const where = ['p.space_id = $1'];
    const params: unknown[] = [spaceId];
    const add = (condition: (n: string) => string, value: unknown) => {
      params.push(value);
      where.push(condition(`$${params.length}`));
    };
    if (filters.lever) add((n) => `${n} = ANY(p.levers)`, filters.lever);
    if (filters.stage) add((n) => `p.stage = ${n}`, filters.stage);
    if (filters.status) add((n) => `p.status = ${n}`, filters.status);
    if (filters.partnerId) add((n) => `EXISTS (SELECT 1 FROM project_partner WHERE project_id = p.id AND organisation_id = ${n})`, filters.partnerId);
    if (filters.funderId) add((n) => `EXISTS (SELECT 1 FROM funding_line WHERE project_id = p.id AND funder_id = ${n})`, filters.funderId);
    const rows: SummaryRow[] = await db.query(`${SUMMARY_SELECT} WHERE ${where.join(' AND ')} ORDER BY p.title, p.id`, params);
    return rows.map(mapSummaryRow);
  }

  async findSummary(spaceId: string, projectId: string, db: EntityManager = this.dataSource.manager): Promise<ProjectSummary | undefined> {
    const rows: SummaryRow[] = await db.query(`${SUMMARY_SELECT} WHERE p.space_id = $1 AND p.id = $2`, [spaceId, projectId]);
    return rows[0] ? mapSummaryRow(rows[0]) : undefined;
  }

  /** The session decision the project was made from, if any (a project comes from one decision at most). */
  async findOrigin(projectId: string, db: EntityManager = this.dataSource.manager): Promise<ProjectOrigin | null> {
    const rows: { session_id: string; session_title: string; decision_id: string; decision_text: string }[] = await db.query(
      `SELECT cs.id AS session_id, cs.title AS session_title, d.id AS decision_id, d.text AS decision_text
         FROM session_decision d JOIN concertation_session cs ON cs.id = d.session_id
        WHERE d.project_id = $1 ORDER BY d.created_at LIMIT 1`,
      [projectId],
    );
    const row = rows[0];
    return row ? { sessionId: row.session_id, sessionTitle: row.session_title, decisionId: row.decision_id, decisionText: row.decision_text } : null;
  }

  /** The id and title of every project of the space (the CSV import finds projects by title). */
  listTitles(spaceId: string, db: EntityManager = this.dataSource.manager): Promise<{ id: string; title: string }[]> {
    return db.query(`SELECT id, title FROM project WHERE space_id = $1`, [spaceId]);
  }

  /** Locks a project of the space for the rest of the transaction; undefined when it is not in this space. */
  async lock(spaceId: string, projectId: string, db: EntityManager = this.dataSource.manager): Promise<LockedProject | undefined> {
    const rows: LockedProject[] = await db.query(`SELECT id, version FROM project WHERE id = $1 AND space_id = $2 FOR UPDATE`, [projectId, spaceId]);
    return rows[0];
  }

  async insert(spaceId: string, body: Omit<CreateProjectRequest, 'partners'>, accountId: string, db: EntityManager = this.dataSource.manager): Promise<string> {
    const rows: { id: string }[] = await db.query(
      `INSERT INTO project (space_id, title, summary, stage, status, start_date, end_date, levers, policy_frames, created_by_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [spaceId, body.title, body.summary, body.stage, body.status, body.startDate, body.endDate, body.levers, body.policyFrames, accountId],
    );
    return rows[0].id;
  }

  /** Writes the given fields and bumps the project's version. */
  async update(projectId: string, values: ProjectFieldValues, db: EntityManager = this.dataSource.manager): Promise<void> {
    const sets: string[] = [];
    const params: unknown[] = [projectId];
    for (const field of PROJECT_FIELDS) {
      if (values[field] === undefined) continue;
      params.push(values[field]);
      sets.push(`${COLUMN_OF[field]} = $${params.length}`);
    }
    await db.query(`UPDATE project SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1`, params);
  }

  /** A change to a project's items (milestones, indicators, funding) is also a change of the project for the board. */
  async touch(projectId: string, db: EntityManager = this.dataSource.manager): Promise<void> {
    await db.query(`UPDATE project SET updated_at = now() WHERE id = $1`, [projectId]);
  }

  /** Deletes the project and everything attached to it; false when it is not in this space. */
  async delete(spaceId: string, projectId: string, db: EntityManager = this.dataSource.manager): Promise<boolean> {
    const deleted = await changedRows(db, `DELETE FROM project WHERE id = $1 AND space_id = $2 RETURNING id`, [projectId, spaceId]);
    return deleted.length > 0;
  }

  async replacePartners(projectId: string, partners: ProjectPartnerInput[], db: EntityManager = this.dataSource.manager): Promise<void> {
    await db.query(`DELETE FROM project_partner WHERE project_id = $1`, [projectId]);
    if (partners.length === 0) return;
    await db.query(
      `INSERT INTO project_partner (project_id, organisation_id, role)
       SELECT $1, unnest($2::uuid[]), unnest($3::text[])`,
      [projectId, partners.map((p) => p.organisationId), partners.map((p) => p.role)],
    );
  }

  /** The organisations among these ids (those that exist), by id. */
  async findOrganisations(ids: string[], db: EntityManager = this.dataSource.manager): Promise<Map<string, OrganisationRef>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows: OrganisationRow[] = await db.query(`${ORGANISATION_SELECT} WHERE o.id = ANY($1::uuid[])`, [unique]);
    return new Map(rows.map((r) => [r.id, mapOrganisationRow(r)]));
  }

  /** Every organisation (the CSV import finds partners and funders by name). */
  async listOrganisations(db: EntityManager = this.dataSource.manager): Promise<OrganisationRef[]> {
    const rows: OrganisationRow[] = await db.query(ORGANISATION_SELECT);
    return rows.map(mapOrganisationRow);
  }
}
