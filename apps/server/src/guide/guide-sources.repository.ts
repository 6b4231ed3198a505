import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { LiveFigureSource, LiveMeasure, RecommendationOriginChoices } from '@concerto/domain';

interface MeasuresRow {
  funding_total: string;
  projects_count: number;
  funders_count: number;
}

const mapMeasuresRow = (r: MeasuresRow): Record<LiveMeasure, number> => ({
  funding_total: Number(r.funding_total),
  projects_count: r.projects_count,
  funders_count: r.funders_count,
});

/** A decision or vote of one of a space's sessions, as a recommendation's origin shows it. */
export interface SessionItemRef {
  sessionId: string;
  label: string;
}

/**
 * The SQL by which the guide reads what it is made of, in other areas' tables: the pole of a space and the figures
 * of its projects and funding, organisations, the sessions' decisions and votes.
 */
@Injectable()
export class GuideSourcesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async poleOfSpace(spaceId: string, db: EntityManager = this.dataSource.manager): Promise<string | undefined> {
    const rows: { pole_id: string }[] = await db.query(`SELECT pole_id FROM space WHERE id = $1`, [spaceId]);
    return rows[0]?.pole_id;
  }

  /**
   * The live measures over the projects of every space of the pole and their raised funding lines (any status but
   * `requested`), narrowed by the source. Projects are counted as projects of the pole, or, when the source narrows
   * the funding (funder level or years), as those with a matching raised line.
   */
  async measures(poleId: string, source: LiveFigureSource, db: EntityManager = this.dataSource.manager): Promise<Record<LiveMeasure, number>> {
    const rows: MeasuresRow[] = await db.query(
      `WITH projects AS (SELECT p.id FROM project p JOIN space s ON s.id = p.space_id
                          WHERE s.pole_id = $1 AND ($2::uuid IS NULL OR p.id = $2)),
            lines AS (SELECT fl.project_id, fl.funder_id, fl.amount_cents FROM funding_line fl JOIN projects ON projects.id = fl.project_id
                       WHERE fl.status <> 'requested' AND ($3::text IS NULL OR fl.funder_level = $3)
                         AND ($4::int IS NULL OR fl.year >= $4) AND ($5::int IS NULL OR fl.year <= $5))
       SELECT (SELECT coalesce(sum(amount_cents), 0)::text FROM lines) AS funding_total,
              (SELECT count(DISTINCT funder_id)::int FROM lines) AS funders_count,
              CASE WHEN $3::text IS NULL AND $4::int IS NULL AND $5::int IS NULL THEN (SELECT count(*)::int FROM projects)
                   ELSE (SELECT count(DISTINCT project_id)::int FROM lines) END AS projects_count`,
      [poleId, source.projectId, source.funderLevel, source.from, source.to],
    );
    return mapMeasuresRow(rows[0]);
  }

  /** Which of these projects belong to a space of the pole. */
  async projectsOfPole(poleId: string, projectIds: string[], db: EntityManager = this.dataSource.manager): Promise<Set<string>> {
    if (projectIds.length === 0) return new Set();
    const rows: { id: string }[] = await db.query(
      `SELECT p.id FROM project p JOIN space s ON s.id = p.space_id WHERE s.pole_id = $1 AND p.id = ANY($2::uuid[])`,
      [poleId, projectIds],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** The kind of each of these organisations that exists, by id. */
  async organisationKinds(ids: string[], db: EntityManager = this.dataSource.manager): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; kind: string }[] = await db.query(`SELECT id, kind FROM organisation WHERE id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((r) => [r.id, r.kind]));
  }

  async sessionTitle(sessionId: string, db: EntityManager = this.dataSource.manager): Promise<string | undefined> {
    const rows: { title: string }[] = await db.query(`SELECT title FROM concertation_session WHERE id = $1`, [sessionId]);
    return rows[0]?.title;
  }

  /** The decisions and closed votes of the space's sessions, latest session first, for choosing a recommendation's origin. */
  async originChoices(spaceId: string, db: EntityManager = this.dataSource.manager): Promise<RecommendationOriginChoices> {
    type Row = { id: string; session_id: string; session_title: string; label: string };
    const toChoice = (r: Row) => ({ id: r.id, sessionId: r.session_id, sessionTitle: r.session_title, label: r.label });
    const decisions: Row[] = await db.query(
      `SELECT d.id, d.session_id, cs.title AS session_title, d.text AS label FROM session_decision d
         JOIN concertation_session cs ON cs.id = d.session_id
        WHERE cs.space_id = $1 ORDER BY cs.scheduled_at DESC, d.created_at, d.id`,
      [spaceId],
    );
    const votes: Row[] = await db.query(
      `SELECT v.id, v.session_id, cs.title AS session_title, v.title AS label FROM vote v
         JOIN concertation_session cs ON cs.id = v.session_id
        WHERE cs.space_id = $1 AND v.status = 'closed' ORDER BY cs.scheduled_at DESC, v.opened_at, v.id`,
      [spaceId],
    );
    return { decisions: decisions.map(toChoice), votes: votes.map(toChoice) };
  }

  /** Decisions of the space's sessions among these ids, with their text, by id. */
  async decisionsOfSpace(spaceId: string, ids: string[], db: EntityManager = this.dataSource.manager): Promise<Map<string, SessionItemRef>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; session_id: string; text: string }[] = await db.query(
      `SELECT d.id, d.session_id, d.text FROM session_decision d JOIN concertation_session cs ON cs.id = d.session_id
        WHERE cs.space_id = $1 AND d.id = ANY($2::uuid[])`,
      [spaceId, ids],
    );
    return new Map(rows.map((r) => [r.id, { sessionId: r.session_id, label: r.text }]));
  }

  /** Votes of the space's sessions among these ids, with their title, by id. */
  async votesOfSpace(spaceId: string, ids: string[], db: EntityManager = this.dataSource.manager): Promise<Map<string, SessionItemRef>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; session_id: string; title: string }[] = await db.query(
      `SELECT v.id, v.session_id, v.title FROM vote v JOIN concertation_session cs ON cs.id = v.session_id
        WHERE cs.space_id = $1 AND v.id = ANY($2::uuid[])`,
      [spaceId, ids],
    );
    return new Map(rows.map((r) => [r.id, { sessionId: r.session_id, label: r.title }]));
  }
}
