import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { FunderLevel, ObservatoryQuery } from '@concerto/domain';
import type { OpenFundingLine } from './observatory-export.js';
import { ObservatoryScope } from '../access/observatory-scope.js';
import type { ScopeRow } from './observatory-figures.js';

/** One row of the funding table: a funder level's figures, or (level null) all levels together. */
export interface FundingLevelFigures {
  level: FunderLevel | null;
  totalCents: number;
  projectCount: number;
  /** Exact (percentile_cont) median of what each project received; null when no project. */
  medianCents: number | null;
}

interface FundingLevelRow {
  level: FunderLevel | null;
  /** A bigint sum, as text: pg would not fit every bigint in a number. */
  total: string | null;
  projects: number;
  median: number | null;
}

const mapFundingLevelRow = (r: FundingLevelRow): FundingLevelFigures => ({
  level: r.level,
  totalCents: Number(r.total ?? 0),
  projectCount: r.projects,
  medianCents: r.median,
});

type OpenFundingLineRow = Omit<OpenFundingLine, 'amount_euros'> & { amount_cents: string };

const mapOpenFundingLineRow = ({ amount_cents, ...rest }: OpenFundingLineRow): OpenFundingLine => ({ ...rest, amount_euros: Number(amount_cents) / 100 });

/** The observatory's SQL on funding lines, always over the caller's scope (ObservatoryScope). */
@Injectable()
export class ObservatoryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The spaces the caller may read for the observatory (narrowed by the pole filters), with their pole. */
  async scope(accountId: string, query: ObservatoryQuery, db: EntityManager = this.dataSource.manager): Promise<ScopeRow[]> {
    const scope = new ObservatoryScope(accountId, query);
    // counted_lines is not needed here, but it holds the statuses parameter that every statement must bind.
    const rows: { space_id: string; pole_id: string }[] = await db.query(
      `WITH ${scope.scopeCte}, ${scope.countedLinesCte} SELECT DISTINCT space_id, pole_id FROM scope`,
      scope.params,
    );
    return rows.map((r) => ({ spaceId: r.space_id, poleId: r.pole_id }));
  }

  /**
   * The study's funding table computed directly over the raw lines (the service reads the rollups instead; this
   * is the independent computation the tests compare them with), in one statement: per funder level the total, the projects supported and the exact
   * median (percentile_cont) of what each project received from that level over the period; then all levels
   * (level null). Levels without any counted line have no row.
   */
  async fundingLevels(accountId: string, query: ObservatoryQuery, db: EntityManager = this.dataSource.manager): Promise<FundingLevelFigures[]> {
    const scope = new ObservatoryScope(accountId, query);
    const rows: FundingLevelRow[] = await db.query(
      `WITH ${scope.scopeCte}, ${scope.countedLinesCte},
            per_level AS MATERIALIZED (SELECT funder_level, project_id, sum(amount_cents)::bigint AS amount FROM counted_lines GROUP BY 1, 2),
            -- What each project received in all, from the per-level sums (the lines are read once).
            per_project AS (SELECT project_id, sum(amount)::bigint AS amount FROM per_level GROUP BY 1)
       SELECT funder_level AS level, sum(amount)::text AS total, count(*)::int AS projects,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY amount) AS median
         FROM per_level GROUP BY funder_level
       UNION ALL
       SELECT NULL, sum(amount)::text, count(*)::int, percentile_cont(0.5) WITHIN GROUP (ORDER BY amount) FROM per_project`,
      scope.params,
    );
    return rows.map(mapFundingLevelRow);
  }

  /** The counted funding lines themselves (open data), with their pole, project and funder; lines alike in the sort keep one order (by id). */
  async openFundingLines(accountId: string, query: ObservatoryQuery, db: EntityManager = this.dataSource.manager): Promise<OpenFundingLine[]> {
    const rows: OpenFundingLineRow[] = await this.openFundingLineRows(accountId, query, '', db);
    return rows.map(mapOpenFundingLineRow);
  }

  /** The same lines in the same order, each with the space of its project (to cut the open file per space). */
  async openFundingLinesWithSpace(
    accountId: string,
    query: ObservatoryQuery,
    db: EntityManager = this.dataSource.manager,
  ): Promise<(OpenFundingLine & { spaceId: string })[]> {
    const rows: (OpenFundingLineRow & { space_id: string })[] = await this.openFundingLineRows(accountId, query, ', p.space_id', db);
    return rows.map(({ space_id, ...row }) => ({ ...mapOpenFundingLineRow(row), spaceId: space_id }));
  }

  /** Poles in the order of the open lines (by name, as PostgreSQL sorts them), with their name to tell ties. */
  async polesByName(poleIds: string[], db: EntityManager = this.dataSource.manager): Promise<{ id: string; name: string }[]> {
    return db.query(`SELECT id, name FROM pole WHERE id = ANY($1::uuid[]) ORDER BY name, id`, [poleIds]);
  }

  private async openFundingLineRows<T>(accountId: string, query: ObservatoryQuery, extraColumns: string, db: EntityManager): Promise<T[]> {
    const scope = new ObservatoryScope(accountId, query);
    return db.query(
      `WITH ${scope.scopeCte}, ${scope.countedLinesCte}
       SELECT po.name AS pole, po.territory, po.region_code, po.departement_code, p.title AS project, o.name AS funder, l.funder_level, l.year, l.amount_cents,
              f.kind, f.instrument, f.status${extraColumns}
         FROM counted_lines l JOIN funding_line f ON f.id = l.id
         JOIN project p ON p.id = l.project_id JOIN pole po ON po.id = l.pole_id JOIN organisation o ON o.id = l.funder_id
        ORDER BY po.name, p.title, l.year, o.name, l.id`,
      scope.params,
    );
  }
}
