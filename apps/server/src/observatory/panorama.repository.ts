import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { MedianFigure, ObservatoryQuery, PanoramaView } from '@concerto/domain';
import { ObservatoryScope } from '../access/observatory-scope.js';

const MEDIANS = {
  ageYears: (year: string) => `${year} - founded_year`,
  budgetCents: () => 'cell_budget_cents',
  selfFinancedPercent: () => 'cell_self_financed_percent',
  fte: () => 'cell_fte',
  memberStructures: () => 'member_structure_count',
  employees: () => 'employee_count',
  consolidatedBudgetCents: () => 'consolidated_budget_cents',
} as const;
export type MedianKey = keyof typeof MEDIANS;
const MEDIAN_KEYS = Object.keys(MEDIANS) as MedianKey[];

/** The poles in scope: their totals and the median profile of their cells and of the poles themselves. */
export interface PoleProfile {
  poles: number;
  jobs: number;
  enterprises: number;
  consolidatedBudgetCents: number;
  mobilisedCents: number;
  medians: Record<MedianKey, MedianFigure>;
}

/** Sums come as text (bigint), medians as numbers (percentile_cont is double precision), one column per median and its count. */
type ProfileRow = Record<string, number | string | null>;

function mapProfileRow(row: ProfileRow): PoleProfile {
  const figure = (key: MedianKey): MedianFigure => ({ median: row[key] as number | null, count: Number(row[`${key}Count`]) });
  return {
    poles: Number(row.poles),
    jobs: Number(row.jobs),
    enterprises: Number(row.enterprises),
    consolidatedBudgetCents: Number(row.budget),
    mobilisedCents: Number(row.mobilised),
    medians: Object.fromEntries(MEDIAN_KEYS.map((key) => [key, figure(key)])) as Record<MedianKey, MedianFigure>,
  };
}

/** How many poles have `collectivites` collectivités linked; `median` is the median over all poles (same on every row). */
export interface CollectiviteCountRow {
  collectivites: number;
  poles: number;
  median: number | null;
}

/**
 * The poles in scope, and the collectivités each is linked to, with the level of the link: as funders (at the level
 * the line was recorded at, so a later change of the organisation's level leaves past money where it was), as project
 * partners, or by a recorded relation (at the organisation's level).
 */
function linksCte(scope: ObservatoryScope): string {
  return `${scope.scopeCte}, ${scope.countedLinesCte},
    poles AS (SELECT * FROM pole WHERE id IN (SELECT pole_id FROM scope)),
    links AS (
      SELECT pole_id, funder_id AS organisation_id, funder_level AS level FROM counted_lines WHERE funder_level <> 'other'
      UNION SELECT s.pole_id, pp.organisation_id, o.collectivite_level FROM project_partner pp JOIN project p ON p.id = pp.project_id
             JOIN scope s ON s.space_id = p.space_id JOIN organisation o ON o.id = pp.organisation_id WHERE o.kind = 'collectivite'
      UNION SELECT r.pole_id, r.organisation_id, o.collectivite_level FROM collectivite_relation r JOIN organisation o ON o.id = r.organisation_id
             WHERE o.kind = 'collectivite' AND r.pole_id IN (SELECT id FROM poles) AND ${scope.yearCondition('r.year')}),
    linked AS (SELECT pole_id, organisation_id AS id, level FROM links WHERE ${scope.levelCondition('level')})`;
}

/**
 * The panorama's SQL, always over the caller's scope (ObservatoryScope). The service computes the same figures from
 * the rollups in memory (observatory-figures.ts) and reads only the relations here; the other statements are the
 * direct computation over raw rows that the tests compare with.
 */
@Injectable()
export class PanoramaRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async poleProfile(accountId: string, query: ObservatoryQuery, db: EntityManager = this.dataSource.manager): Promise<PoleProfile> {
    const scope = new ObservatoryScope(accountId, query);
    const medianColumns = MEDIAN_KEYS.map((key) => {
      const expression = MEDIANS[key](scope.referenceYear);
      return `percentile_cont(0.5) WITHIN GROUP (ORDER BY ${expression}) AS "${key}", count(${expression})::int AS "${key}Count"`;
    });
    const [row]: ProfileRow[] = await db.query(
      `WITH ${linksCte(scope)}
       SELECT count(*)::int AS poles, coalesce(sum(employee_count), 0)::text AS jobs,
              coalesce(sum(member_structure_count), 0)::text AS enterprises,
              coalesce(sum(consolidated_budget_cents), 0)::text AS budget,
              (SELECT coalesce(sum(amount_cents), 0) FROM counted_lines)::text AS mobilised,
              ${medianColumns.join(', ')}
         FROM poles`,
      scope.params,
    );
    return mapProfileRow(row);
  }

  /** Per collectivité level, the poles linked to one of that level or declaring that level. */
  levelPresence(accountId: string, query: ObservatoryQuery, db: EntityManager = this.dataSource.manager): Promise<{ level: string; poles: number }[]> {
    const scope = new ObservatoryScope(accountId, query);
    return db.query(
      `WITH ${linksCte(scope)}
       SELECT level, count(DISTINCT pole_id)::int AS poles FROM (
         SELECT pole_id, level FROM linked
         UNION SELECT id, unnest(collectivite_levels) FROM poles) x
        WHERE ${scope.levelCondition('level')}
        GROUP BY level`,
      scope.params,
    );
  }

  /** Poles by number of collectivités linked, fewest first. */
  collectiviteCounts(accountId: string, query: ObservatoryQuery, db: EntityManager = this.dataSource.manager): Promise<CollectiviteCountRow[]> {
    const scope = new ObservatoryScope(accountId, query);
    return db.query(
      `WITH ${linksCte(scope)},
            per_pole AS (SELECT po.id, count(DISTINCT l.id)::int AS n FROM poles po LEFT JOIN linked l ON l.pole_id = po.id GROUP BY po.id)
       SELECT n AS collectivites, count(*)::int AS poles, (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY n) FROM per_pole) AS median
         FROM per_pole GROUP BY n ORDER BY n`,
      scope.params,
    );
  }

  /** The recorded relations of the poles in scope: in all, per year, and the causes of weakening (their columns are the view's). */
  async relationFigures(accountId: string, query: ObservatoryQuery, db: EntityManager = this.dataSource.manager): Promise<PanoramaView['relations']> {
    const scope = new ObservatoryScope(accountId, query);
    // counted_lines is not needed here, but it holds the statuses parameter that every statement must bind.
    const relationsCte = `${scope.scopeCte}, ${scope.countedLinesCte},
      relations AS (
        SELECT r.* FROM collectivite_relation r JOIN organisation o ON o.id = r.organisation_id
         WHERE r.pole_id IN (SELECT pole_id FROM scope) AND ${scope.yearCondition('r.year')} AND ${scope.levelCondition('o.collectivite_level')})`;
    const counts = `(count(*) FILTER (WHERE evolution = 'widening'))::int AS widening, (count(*) FILTER (WHERE evolution = 'stable'))::int AS stable,
                    (count(*) FILTER (WHERE evolution = 'weakening'))::int AS weakening`;
    const byYear: PanoramaView['relations']['byYear'] = await db.query(
      `WITH ${relationsCte} SELECT year, ${counts} FROM relations GROUP BY year ORDER BY year`,
      scope.params,
    );
    const [total]: PanoramaView['relations']['total'][] = await db.query(
      `WITH ${relationsCte} SELECT ${counts}, count(DISTINCT (pole_id, organisation_id))::int AS pairs FROM relations`,
      scope.params,
    );
    const weakeningCauses: PanoramaView['relations']['weakeningCauses'] = await db.query(
      `WITH ${relationsCte}
       SELECT min(cause) AS cause, count(*)::int AS count FROM relations WHERE evolution = 'weakening'
        GROUP BY lower(cause) ORDER BY count(*) DESC, min(cause)`,
      scope.params,
    );
    return { total, byYear, weakeningCauses };
  }
}
