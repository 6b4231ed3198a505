import type { EntityManager } from 'typeorm';
import { FunderLevel, type FundingTableView, type ObservatoryQuery } from '@concerto/domain';
import { ObservatoryScope } from './observatory-scope.js';

interface Row {
  level: FunderLevel | null;
  total: string | null;
  projects: number;
  median: number | null;
}

/**
 * The study's funding table in one statement: per funder level the total, the projects supported and the exact
 * median (percentile_cont) of what each project received from that level over the period; then all levels.
 */
export async function fundingTable(db: EntityManager, accountId: string, query: ObservatoryQuery): Promise<FundingTableView> {
  const scope = new ObservatoryScope(accountId, query);
  const rows: Row[] = await db.query(
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
  const byLevel = new Map(rows.filter((r) => r.level).map((r) => [r.level!, r]));
  const total = rows.find((r) => r.level === null)!;
  return {
    period: { from: query.from ?? null, to: query.to ?? null },
    rows: FunderLevel.keys.map((level) => {
      const row = byLevel.get(level);
      return { level, totalCents: Number(row?.total ?? 0), projectCount: row?.projects ?? 0, medianCents: row?.median ?? null };
    }),
    total: { totalCents: Number(total.total ?? 0), projectCount: total.projects, medianCents: total.median },
  };
}
