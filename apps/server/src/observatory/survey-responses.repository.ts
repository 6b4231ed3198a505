import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { FunderLevel, SpaceSurveyItem, SurveyAnswers, SurveyFacts, SurveyFundingAnswer, SurveyRelationAnswer } from '@concerto/domain';

/** A pole's stored answer. */
export interface ResponseRow {
  id: string;
  status: 'draft' | 'submitted';
  answers: SurveyAnswers;
  submittedAt: string | null;
  updatedAt: string;
}

interface ResponseSqlRow {
  id: string;
  status: 'draft' | 'submitted';
  answers: SurveyAnswers;
  submitted_at: Date | null;
  updated_at: Date;
}

const mapResponseRow = (r: ResponseSqlRow): ResponseRow => ({
  id: r.id,
  status: r.status,
  answers: r.answers,
  submittedAt: r.submitted_at?.toISOString() ?? null,
  updatedAt: r.updated_at.toISOString(),
});

/** The campaign as a pole sees it. */
export interface PoleCampaignRow {
  id: string;
  year: number;
  title: string;
  dueOn: string | null;
  poleId: string;
  poleName: string;
}

/** An organisation named in an answer: what the checks need. */
export interface NamedOrganisation {
  kind: string;
  level: string | null;
}

const numberOrNull = (v: string | number | null): number | null => (v === null ? null : Number(v));

/**
 * The SQL of the pole side of the survey: the form's sources (the pole's facts, last year's answer, its projects'
 * funding and collectivités) and what a submission writes (facts, the cellule's funding lines, relations).
 */
@Injectable()
export class SurveyResponsesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The campaigns asking the space's pole, latest year first, with the pole's status. */
  async campaignsOfSpace(spaceId: string, db: EntityManager = this.dataSource.manager): Promise<SpaceSurveyItem[]> {
    const rows: { id: string; year: number; title: string; due_on: string | null; status: SpaceSurveyItem['status'] }[] = await db.query(
      `SELECT c.id, c.year, c.title, to_char(c.due_on, 'YYYY-MM-DD') AS due_on, coalesce(r.status, 'pending') AS status
         FROM space s JOIN survey_campaign_pole cp ON cp.pole_id = s.pole_id JOIN survey_campaign c ON c.id = cp.campaign_id
         LEFT JOIN survey_response r ON r.campaign_id = c.id AND r.pole_id = cp.pole_id
        WHERE s.id = $1 ORDER BY c.year DESC, c.opened_at DESC`,
      [spaceId],
    );
    return rows.map((r) => ({ campaignId: r.id, year: r.year, title: r.title, dueOn: r.due_on, status: r.status }));
  }

  /**
   * The campaign if it asks the space's pole, else undefined. With `lock`, the pole's place in the campaign is locked
   * (`FOR UPDATE`): two submissions of one pole run one after the other.
   */
  async campaignForSpace(campaignId: string, spaceId: string, lock = false, db: EntityManager = this.dataSource.manager): Promise<PoleCampaignRow | undefined> {
    const rows: { id: string; year: number; title: string; due_on: string | null; pole_id: string; pole_name: string }[] = await db.query(
      `SELECT c.id, c.year, c.title, to_char(c.due_on, 'YYYY-MM-DD') AS due_on, cp.pole_id, po.name AS pole_name
         FROM space s JOIN survey_campaign_pole cp ON cp.pole_id = s.pole_id AND cp.campaign_id = $1
         JOIN survey_campaign c ON c.id = cp.campaign_id JOIN pole po ON po.id = cp.pole_id
        WHERE s.id = $2 ${lock ? 'FOR UPDATE OF cp' : ''}`,
      [campaignId, spaceId],
    );
    const r = rows[0];
    return r ? { id: r.id, year: r.year, title: r.title, dueOn: r.due_on, poleId: r.pole_id, poleName: r.pole_name } : undefined;
  }

  async response(campaignId: string, poleId: string, db: EntityManager = this.dataSource.manager): Promise<ResponseRow | undefined> {
    const rows: ResponseSqlRow[] = await db.query(
      `SELECT id, status, answers, submitted_at, updated_at FROM survey_response WHERE campaign_id = $1 AND pole_id = $2`,
      [campaignId, poleId],
    );
    return rows[0] ? mapResponseRow(rows[0]) : undefined;
  }

  /** The pole's latest submitted answer to a campaign of an earlier year. */
  async previousAnswers(poleId: string, year: number, db: EntityManager = this.dataSource.manager): Promise<SurveyAnswers | undefined> {
    const rows: { answers: SurveyAnswers }[] = await db.query(
      `SELECT r.answers FROM survey_response r JOIN survey_campaign c ON c.id = r.campaign_id
        WHERE r.pole_id = $1 AND r.status = 'submitted' AND c.year < $2 ORDER BY c.year DESC, r.submitted_at DESC LIMIT 1`,
      [poleId, year],
    );
    return rows[0]?.answers;
  }

  /** The pole's facts as its profile holds them now. */
  async poleFacts(poleId: string, db: EntityManager = this.dataSource.manager): Promise<SurveyFacts> {
    const [r]: Record<string, string | number | null>[] = await db.query(
      `SELECT founded_year, cell_budget_cents, cell_self_financed_percent, cell_fte, member_structure_count, employee_count,
              consolidated_budget_cents FROM pole WHERE id = $1`,
      [poleId],
    );
    return {
      foundedYear: numberOrNull(r.founded_year),
      cellBudgetCents: numberOrNull(r.cell_budget_cents),
      cellSelfFinancedPercent: numberOrNull(r.cell_self_financed_percent),
      cellFte: numberOrNull(r.cell_fte),
      memberStructureCount: numberOrNull(r.member_structure_count),
      employeeCount: numberOrNull(r.employee_count),
      consolidatedBudgetCents: numberOrNull(r.consolidated_budget_cents),
    };
  }

  /** What the pole's projects already hold for the year (secured or paid, the survey's own lines left out), per funder level. */
  async projectFunding(poleId: string, year: number, db: EntityManager = this.dataSource.manager) {
    const rows: { level: FunderLevel; amount: string; projects: number }[] = await db.query(
      `SELECT f.funder_level AS level, sum(f.amount_cents)::text AS amount, count(DISTINCT f.project_id)::int AS projects
         FROM funding_line f JOIN project p ON p.id = f.project_id JOIN space s ON s.id = p.space_id
        WHERE s.pole_id = $1 AND f.year = $2 AND f.status IN ('secured', 'paid')
          AND NOT EXISTS (SELECT 1 FROM survey_funding_line sf WHERE sf.funding_line_id = f.id)
        GROUP BY f.funder_level ORDER BY f.funder_level`,
      [poleId, year],
    );
    return rows.map((r) => ({ level: r.level, amountCents: Number(r.amount), projects: r.projects }));
  }

  /**
   * The collectivités the pole works with: its relations of the latest year before this one (with their evolution
   * then), and the collectivités its projects name as partners or funders.
   */
  async knownCollectivites(
    poleId: string,
    year: number,
    db: EntityManager = this.dataSource.manager,
  ): Promise<{ organisationId: string; evolution: string | null }[]> {
    const rows: { organisation_id: string; evolution: string | null }[] = await db.query(
      `WITH last_year AS (SELECT max(year) AS year FROM collectivite_relation WHERE pole_id = $1 AND year < $2)
       SELECT r.organisation_id, r.evolution FROM collectivite_relation r, last_year WHERE r.pole_id = $1 AND r.year = last_year.year
       UNION
       SELECT o.id, NULL FROM organisation o
        WHERE o.kind = 'collectivite' AND o.id IN (
          SELECT pp.organisation_id FROM project_partner pp JOIN project p ON p.id = pp.project_id JOIN space s ON s.id = p.space_id WHERE s.pole_id = $1
          UNION SELECT f.funder_id FROM funding_line f JOIN project p ON p.id = f.project_id JOIN space s ON s.id = p.space_id WHERE s.pole_id = $1)`,
      [poleId, year],
    );
    return rows.map((r) => ({ organisationId: r.organisation_id, evolution: r.evolution }));
  }

  async organisations(ids: readonly string[], db: EntityManager = this.dataSource.manager): Promise<Map<string, NamedOrganisation>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; kind: string; collectivite_level: string | null }[] = await db.query(
      `SELECT id, kind, collectivite_level FROM organisation WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, { kind: r.kind, level: r.collectivite_level }]));
  }

  /** Writes the answer (a draft, or the submission); returns its id. */
  async saveResponse(
    campaignId: string,
    poleId: string,
    status: 'draft' | 'submitted',
    answers: SurveyAnswers,
    accountId: string,
    db: EntityManager = this.dataSource.manager,
  ): Promise<string> {
    const [row]: { id: string }[] = await db.query(
      `INSERT INTO survey_response (campaign_id, pole_id, status, answers, updated_by_id, submitted_at)
       VALUES ($1, $2, $3, $4, $5, CASE WHEN $3 = 'submitted' THEN now() END)
       ON CONFLICT ON CONSTRAINT survey_response_one_per_pole DO UPDATE
          SET status = EXCLUDED.status, answers = EXCLUDED.answers, updated_by_id = EXCLUDED.updated_by_id, updated_at = now(),
              submitted_at = EXCLUDED.submitted_at
       RETURNING id`,
      [campaignId, poleId, status, JSON.stringify(answers), accountId],
    );
    return row.id;
  }

  async updatePoleFacts(poleId: string, facts: SurveyFacts, db: EntityManager = this.dataSource.manager): Promise<void> {
    await db.query(
      `UPDATE pole SET founded_year = $2, cell_budget_cents = $3, cell_self_financed_percent = $4, cell_fte = $5,
              member_structure_count = $6, employee_count = $7, consolidated_budget_cents = $8, updated_at = now()
        WHERE id = $1`,
      [
        poleId,
        facts.foundedYear,
        facts.cellBudgetCents,
        facts.cellSelfFinancedPercent,
        facts.cellFte,
        facts.memberStructureCount,
        facts.employeeCount,
        facts.consolidatedBudgetCents,
      ],
    );
  }

  /**
   * The project of the pole's main space that carries the cellule d'animation's funding, made on the first
   * submission (and again if someone deleted it).
   */
  async cellProject(poleId: string, title: string, accountId: string, db: EntityManager = this.dataSource.manager): Promise<string> {
    const existing: { project_id: string }[] = await db.query(`SELECT project_id FROM survey_pole_project WHERE pole_id = $1`, [poleId]);
    if (existing[0]) return existing[0].project_id;
    const [row]: { id: string }[] = await db.query(
      `WITH main_space AS (SELECT id FROM space WHERE pole_id = $1 ORDER BY created_at, id LIMIT 1),
            created AS (INSERT INTO project (space_id, title, stage, status, created_by_id)
                        SELECT id, $2, 'sustainability', 'ongoing', $3 FROM main_space RETURNING id)
       INSERT INTO survey_pole_project (pole_id, project_id) SELECT $1, id FROM created RETURNING project_id AS id`,
      [poleId, title, accountId],
    );
    return row.id;
  }

  /**
   * Replaces the funding lines a response wrote with these ones (one statement each: the rollup triggers run once
   * per statement, in this transaction).
   */
  async replaceFundingLines(
    responseId: string,
    projectId: string,
    year: number,
    lines: readonly (SurveyFundingAnswer & { funderLevel: FunderLevel })[],
    instrument: string,
    accountId: string,
    db: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await db.query(`DELETE FROM funding_line WHERE id IN (SELECT funding_line_id FROM survey_funding_line WHERE response_id = $1)`, [responseId]);
    if (lines.length === 0) return;
    await db.query(
      `WITH created AS (
         INSERT INTO funding_line (project_id, funder_id, funder_level, year, amount_cents, kind, instrument, status, created_by_id)
         SELECT $2, funder_id, funder_level, $3, amount_cents, 'operating', $4, status, $5
           FROM unnest($6::uuid[], $7::text[], $8::bigint[], $9::text[]) AS l(funder_id, funder_level, amount_cents, status)
         RETURNING id)
       INSERT INTO survey_funding_line (funding_line_id, response_id) SELECT id, $1 FROM created`,
      [
        responseId,
        projectId,
        year,
        instrument,
        accountId,
        lines.map((l) => l.funderId),
        lines.map((l) => l.funderLevel),
        lines.map((l) => l.amountCents),
        lines.map((l) => l.status),
      ],
    );
  }

  /**
   * Records the year's relations (a relation already recorded for that collectivité and year takes the answer's
   * evolution), and removes those a previous submission recorded that the answer no longer names.
   */
  async applyRelations(
    poleId: string,
    year: number,
    relations: readonly SurveyRelationAnswer[],
    removedOrganisationIds: readonly string[],
    accountId: string,
    db: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    if (removedOrganisationIds.length > 0) {
      await db.query(`DELETE FROM collectivite_relation WHERE pole_id = $1 AND year = $2 AND organisation_id = ANY($3::uuid[])`, [
        poleId,
        year,
        removedOrganisationIds,
      ]);
    }
    if (relations.length === 0) return;
    await db.query(
      `INSERT INTO collectivite_relation (pole_id, organisation_id, year, evolution, cause, recorded_by_id)
       SELECT $1, organisation_id, $2, evolution, cause, $3 FROM unnest($4::uuid[], $5::text[], $6::text[]) AS r(organisation_id, evolution, cause)
       ON CONFLICT (pole_id, organisation_id, year) DO UPDATE SET evolution = EXCLUDED.evolution, cause = EXCLUDED.cause,
          recorded_by_id = EXCLUDED.recorded_by_id`,
      [poleId, year, accountId, relations.map((r) => r.organisationId), relations.map((r) => r.evolution), relations.map((r) => r.cause)],
    );
  }

  /** Every space of the pole (their rooms hear of its answer). */
  async spacesOfPole(poleId: string, db: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows: { id: string }[] = await db.query(`SELECT id FROM space WHERE pole_id = $1`, [poleId]);
    return rows.map((r) => r.id);
  }
}
