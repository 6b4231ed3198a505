import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { SampleCell, SampleField, SamplePole } from '@concerto/domain';
import { ObservatoryScope } from '../access/observatory-scope.js';

/** How many poles of the set and of the scope have a value of a field (value null: nothing filled in). */
export interface CoverageCount {
  field: SampleField | null;
  value: string | null;
  setPoles: number;
  scopePoles: number;
}

/** A pole of the scope outside the set, with the gaps it would fill. */
export interface Candidate {
  pole: SamplePole;
  fills: SampleCell[];
}

/**
 * One row per (pole, field, value) of the grid, as SQL over a relation `p` of poles: array fields unnested, the size
 * as its band (the bounds of `cooperationSizeOf`), and a row with a null value when the field is empty.
 */
const CELLS = `
    SELECT 'collectiviteLevels', v FROM (SELECT DISTINCT unnest(p.collectivite_levels) v) x
    UNION ALL SELECT 'collectiviteLevels', NULL WHERE cardinality(p.collectivite_levels) = 0
    UNION ALL SELECT 'collectiviteServices', v FROM (SELECT DISTINCT unnest(p.collectivite_services) v) x
    UNION ALL SELECT 'collectiviteServices', NULL WHERE cardinality(p.collectivite_services) = 0
    UNION ALL SELECT 'legalForm', p.legal_form
    UNION ALL SELECT 'stage', p.stage
    UNION ALL SELECT 'perimeter', p.perimeter
    UNION ALL SELECT 'implantation', p.implantation
    UNION ALL SELECT 'size', CASE WHEN p.member_structure_count < 10 THEN 'small' WHEN p.member_structure_count < 20 THEN 'medium'
                                  WHEN p.member_structure_count < 50 THEN 'large' WHEN p.member_structure_count IS NOT NULL THEN 'very_large' END
    UNION ALL SELECT 'structureKinds', v FROM (SELECT DISTINCT unnest(p.structure_kinds) v) x
    UNION ALL SELECT 'structureKinds', NULL WHERE cardinality(p.structure_kinds) = 0
    UNION ALL SELECT 'sectors', v FROM (SELECT DISTINCT unnest(p.sectors) v) x
    UNION ALL SELECT 'sectors', NULL WHERE cardinality(p.sectors) = 0
    UNION ALL SELECT 'activityNatures', v FROM (SELECT DISTINCT unnest(p.activity_natures) v) x
    UNION ALL SELECT 'activityNatures', NULL WHERE cardinality(p.activity_natures) = 0`;

/**
 * The sample builder's SQL: the grid's coverage by a set of poles and by the caller's whole scope (the observatory's
 * scope, from the access policy's ObservatoryScope) in one grouped statement, the scope's poles that would fill
 * gaps, and the scope's poles by name.
 */
@Injectable()
export class SampleCoverageRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Per field and value, the poles of the set (`poleIds`, or the whole scope when null) and of the scope that have
   * it; the row with field null counts the poles themselves.
   */
  async coverage(accountId: string, poleIds: string[] | null, db: EntityManager = this.dataSource.manager): Promise<CoverageCount[]> {
    const scope = new ObservatoryScope(accountId, {});
    const set = `$${scope.params.length + 1}`;
    // counted_lines is not read, but it holds the statuses parameter every statement of the scope binds.
    const rows: { field: SampleField | null; value: string | null; set_poles: number; scope_poles: number }[] = await db.query(
      `WITH ${scope.scopeCte}, ${scope.countedLinesCte},
            p AS MATERIALIZED (
              SELECT po.*, (${set}::uuid[] IS NULL OR po.id = ANY(${set}::uuid[])) AS in_set
                FROM pole po WHERE po.id IN (SELECT pole_id FROM scope))
       SELECT c.field, c.value, count(*) FILTER (WHERE p.in_set)::int AS set_poles, count(*)::int AS scope_poles
         FROM p CROSS JOIN LATERAL (${CELLS}) c(field, value)
        GROUP BY c.field, c.value
       UNION ALL
       SELECT NULL, NULL, count(*) FILTER (WHERE in_set)::int, count(*)::int FROM p`,
      [...scope.params, poleIds],
    );
    return rows.map((r) => ({ field: r.field, value: r.value, setPoles: r.set_poles, scopePoles: r.scope_poles }));
  }

  /** Poles of the scope outside the set that have at least one of `gaps`, those with the most first (at most `limit`). */
  async candidates(accountId: string, poleIds: string[], gaps: SampleCell[], limit: number, db: EntityManager = this.dataSource.manager): Promise<Candidate[]> {
    if (gaps.length === 0) return [];
    const scope = new ObservatoryScope(accountId, {});
    const n = scope.params.length;
    const rows: { id: string; name: string; territory: string; fields: SampleField[]; vals: string[] }[] = await db.query(
      `WITH ${scope.scopeCte}, ${scope.countedLinesCte},
            p AS MATERIALIZED (SELECT po.* FROM pole po WHERE po.id IN (SELECT pole_id FROM scope) AND po.id <> ALL($${n + 1}::uuid[])),
            gaps AS (SELECT * FROM unnest($${n + 2}::text[], $${n + 3}::text[]) g(field, value))
       SELECT p.id, p.name, p.territory, array_agg(c.field ORDER BY c.field, c.value) AS fields, array_agg(c.value ORDER BY c.field, c.value) AS vals
         FROM p CROSS JOIN LATERAL (${CELLS}) c(field, value)
        WHERE (c.field, c.value) IN (SELECT field, value FROM gaps)
        GROUP BY p.id, p.name, p.territory
        ORDER BY count(*) DESC, lower(p.name), p.id
        LIMIT $${n + 4}`,
      [...scope.params, poleIds, gaps.map((g) => g.field), gaps.map((g) => g.value), limit],
    );
    return rows.map((r) => ({
      pole: { id: r.id, name: r.name, territory: r.territory },
      fills: r.fields.map((field, i) => ({ field, value: r.vals[i] })),
    }));
  }

  /** Poles of the caller's scope whose name or territory contains `search` (case ignored), by name; and how many match. */
  async searchPoles(
    accountId: string,
    search: string | undefined,
    limit: number,
    db: EntityManager = this.dataSource.manager,
  ): Promise<{ poles: SamplePole[]; total: number }> {
    const scope = new ObservatoryScope(accountId, {});
    const n = scope.params.length;
    const pattern = search ? `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const rows: { id: string; name: string; territory: string; total: number }[] = await db.query(
      `WITH ${scope.scopeCte}, ${scope.countedLinesCte}
       SELECT po.id, po.name, po.territory, (count(*) OVER ())::int AS total
         FROM pole po
        WHERE po.id IN (SELECT pole_id FROM scope) AND ($${n + 1}::text IS NULL OR po.name ILIKE $${n + 1} OR po.territory ILIKE $${n + 1})
        ORDER BY lower(po.name), po.id
        LIMIT $${n + 2}`,
      [...scope.params, pattern, limit],
    );
    return { poles: rows.map(({ id, name, territory }) => ({ id, name, territory })), total: rows[0]?.total ?? 0 };
  }

  /** Names and territories of some poles (those of a hand-picked set). */
  async poles(poleIds: string[], db: EntityManager = this.dataSource.manager): Promise<SamplePole[]> {
    if (poleIds.length === 0) return [];
    return db.query(`SELECT id, name, territory FROM pole WHERE id = ANY($1::uuid[])`, [poleIds]);
  }
}
