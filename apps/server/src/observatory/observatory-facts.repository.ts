import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { DepartementCode, FunderLevel, FundingStatus, ProjectStage, RegionCode, RolledUpIndicator } from '@concerto/domain';
import type { IndicatorFact } from './indicator-columns.js';

/** Where a change came from: what a server process must reload, and which cached figures it makes stale. */
export type ChangeSource = 'projects' | 'indicators' | 'relations' | 'pole' | 'membership' | 'organisation' | 'names' | 'all';

export interface ObservatoryChange {
  seq: number;
  source: ChangeSource;
  poleId: string | null;
  accountId: string | null;
}

/** One rollup row: the money of a project from a funder at a level, a year and a status. */
export interface RollupFact {
  spaceId: string;
  projectId: string;
  funderId: string;
  level: FunderLevel;
  year: number;
  status: FundingStatus;
  projectStage: ProjectStage;
  amountCents: number;
  lineCount: number;
}

/** A pole's profile facts (the panorama's medians and totals), its name and where it is (the map). */
export interface PoleFact {
  name: string;
  regionCode: RegionCode | null;
  departementCode: DepartementCode | null;
  foundedYear: number | null;
  cellBudgetCents: number | null;
  cellSelfFinancedPercent: number | null;
  cellFte: number | null;
  memberStructures: number | null;
  employees: number | null;
  consolidatedBudgetCents: number | null;
  collectiviteLevels: string[];
}

export interface PoleFacts {
  profile: PoleFact | null;
  rollup: RollupFact[];
  /** Organisations named as project partners, per space of the pole. */
  partners: { spaceId: string; organisationId: string }[];
  relations: { organisationId: string; year: number }[];
  /** Its projects' indicators per year (`observatory_indicator_rollup`). */
  indicators: IndicatorFact[];
}

export interface OrganisationFact {
  kind: string;
  level: string | null;
  name: string;
}

interface ProfileRow {
  id: string;
  name: string;
  region_code: RegionCode | null;
  departement_code: DepartementCode | null;
  founded_year: number | null;
  cell_budget_cents: number | null;
  cell_self_financed_percent: number | null;
  cell_fte: number | null;
  member_structure_count: number | null;
  employee_count: number | null;
  consolidated_budget_cents: number | null;
  collectivite_levels: string[];
}

/** `poles` null: every pole. */
const poleFilter = (column: string, poles: string[] | null) => (poles ? `WHERE ${column} = ANY($1::uuid[])` : '');
const params = (poles: string[] | null) => (poles ? [poles] : []);

/**
 * The SQL behind the observatory's in-memory facts: the change log (read by transaction, see `changesSince`) and
 * the facts of a set of poles (their rollup rows, partners, relations, profile), read on start and after a change.
 */
@Injectable()
export class ObservatoryFactsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The oldest transaction still running: every change written by an older one is committed (or never will be). */
  async horizon(db: EntityManager = this.dataSource.manager): Promise<string> {
    const [{ xmin }]: { xmin: string }[] = await db.query(`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin`);
    return xmin;
  }

  /**
   * The changes written by transactions not older than `horizon` (those may have committed since), and the new
   * horizon. Sequence numbers are taken before commit, so reading "after the last seq" could skip a late commit.
   */
  async changesSince(horizon: string, db: EntityManager = this.dataSource.manager): Promise<{ changes: ObservatoryChange[]; horizon: string }> {
    const rows: { seq: string; source: ChangeSource; pole_id: string | null; account_id: string | null; xmin: string }[] = await db.query(
      `SELECT c.seq::text, c.source, c.pole_id, c.account_id, h.xmin
         FROM (SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin) h
         LEFT JOIN observatory_change c ON c.xid >= $1::xid8
        ORDER BY c.seq`,
      [horizon],
    );
    return {
      horizon: rows[0].xmin,
      changes: rows.filter((r) => r.seq !== null).map((r) => ({ seq: Number(r.seq), source: r.source, poleId: r.pole_id, accountId: r.account_id })),
    };
  }

  /** Changes older than a day are forgotten (a process that far behind reloads everything). */
  async pruneChanges(db: EntityManager = this.dataSource.manager): Promise<void> {
    await db.query(`DELETE FROM observatory_change WHERE at < now() - interval '1 day'`);
  }

  async oldestChange(db: EntityManager = this.dataSource.manager): Promise<number | null> {
    const [{ seq }]: { seq: string | null }[] = await db.query(`SELECT min(seq)::text AS seq FROM observatory_change`);
    return seq === null ? null : Number(seq);
  }

  async organisations(db: EntityManager = this.dataSource.manager): Promise<Map<string, OrganisationFact>> {
    const rows: { id: string; kind: string; collectivite_level: string | null; name: string }[] = await db.query(
      `SELECT id, kind, collectivite_level, name FROM organisation`,
    );
    return new Map(rows.map((r) => [r.id, { kind: r.kind, level: r.collectivite_level, name: r.name }]));
  }

  /** The facts of these poles (every pole when null), each pole present even without any fact. */
  async poleFacts(poles: string[] | null, db: EntityManager = this.dataSource.manager): Promise<Map<string, PoleFacts>> {
    const facts = new Map<string, PoleFacts>();
    const of = (poleId: string) => {
      let f = facts.get(poleId);
      if (!f) facts.set(poleId, (f = { profile: null, rollup: [], partners: [], relations: [], indicators: [] }));
      return f;
    };
    for (const poleId of poles ?? []) of(poleId);
    const profiles: ProfileRow[] = await db.query(
      `SELECT id, name, region_code, departement_code, founded_year, cell_budget_cents::float8, cell_self_financed_percent::float8, cell_fte::float8, member_structure_count,
              employee_count, consolidated_budget_cents::float8, collectivite_levels
         FROM pole ${poleFilter('id', poles)}`,
      params(poles),
    );
    for (const r of profiles) {
      of(r.id).profile = {
        name: r.name,
        regionCode: r.region_code,
        departementCode: r.departement_code,
        foundedYear: r.founded_year,
        cellBudgetCents: r.cell_budget_cents,
        cellSelfFinancedPercent: r.cell_self_financed_percent,
        cellFte: r.cell_fte,
        memberStructures: r.member_structure_count,
        employees: r.employee_count,
        consolidatedBudgetCents: r.consolidated_budget_cents,
        collectiviteLevels: r.collectivite_levels,
      };
    }
    // Rows, not objects, keep 200,000 rollup rows quick to read.
    const rollup: { rows: unknown[][] } = await this.rowsOf(
      db,
      `SELECT s.pole_id, r.space_id, r.project_id, r.funder_id, r.funder_level, r.year, r.status, p.stage, r.amount_cents::float8, r.line_count
         FROM observatory_funding_rollup r JOIN space s ON s.id = r.space_id JOIN project p ON p.id = r.project_id ${poleFilter('s.pole_id', poles)}`,
      params(poles),
    );
    for (const [poleId, spaceId, projectId, funderId, level, year, status, projectStage, amountCents, lineCount] of rollup.rows) {
      of(poleId as string).rollup.push({
        spaceId: spaceId as string,
        projectId: projectId as string,
        funderId: funderId as string,
        level: level as FunderLevel,
        year: year as number,
        status: status as FundingStatus,
        projectStage: projectStage as ProjectStage,
        amountCents: amountCents as number,
        lineCount: lineCount as number,
      });
    }
    const partners: { rows: unknown[][] } = await this.rowsOf(
      db,
      `SELECT DISTINCT s.pole_id, p.space_id, pp.organisation_id
         FROM project_partner pp JOIN project p ON p.id = pp.project_id JOIN space s ON s.id = p.space_id ${poleFilter('s.pole_id', poles)}`,
      params(poles),
    );
    for (const [poleId, spaceId, organisationId] of partners.rows)
      of(poleId as string).partners.push({ spaceId: spaceId as string, organisationId: organisationId as string });
    const relations: { rows: unknown[][] } = await this.rowsOf(
      db,
      `SELECT pole_id, organisation_id, year FROM collectivite_relation ${poleFilter('pole_id', poles)}`,
      params(poles),
    );
    for (const [poleId, organisationId, year] of relations.rows)
      of(poleId as string).relations.push({ organisationId: organisationId as string, year: year as number });
    const indicators: { rows: unknown[][] } = await this.rowsOf(
      db,
      `SELECT s.pole_id, p.space_id, r.project_id, r.kind, r.year, p.stage, r.value::float8
         FROM observatory_indicator_rollup r JOIN project p ON p.id = r.project_id JOIN space s ON s.id = p.space_id ${poleFilter('s.pole_id', poles)}`,
      params(poles),
    );
    for (const [poleId, spaceId, projectId, kind, year, projectStage, value] of indicators.rows) {
      of(poleId as string).indicators.push({
        spaceId: spaceId as string,
        projectId: projectId as string,
        kind: kind as RolledUpIndicator,
        year: year as number,
        projectStage: projectStage as ProjectStage,
        value: value as number,
      });
    }
    return facts;
  }

  /** Recomputes every rollup from the raw funding lines (repair); returns the number of rollup rows. */
  async rebuild(db: EntityManager = this.dataSource.manager): Promise<number> {
    const [{ rows }]: { rows: string }[] = await db.query(`SELECT observatory_rebuild()::text AS rows`);
    return Number(rows);
  }

  /** A query answering arrays (pg's `rowMode: 'array'`), through the data source's pool. */
  private async rowsOf(db: EntityManager, sql: string, values: unknown[]): Promise<{ rows: unknown[][] }> {
    const runner = db.queryRunner ?? this.dataSource.createQueryRunner();
    try {
      const connection = (await runner.connect()) as { query: (q: { text: string; values: unknown[]; rowMode: 'array' }) => Promise<{ rows: unknown[][] }> };
      return await connection.query({ text: sql, values, rowMode: 'array' });
    } finally {
      if (!db.queryRunner) await runner.release();
    }
  }
}
