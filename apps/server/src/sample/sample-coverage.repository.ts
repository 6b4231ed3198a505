import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { SAMPLE_GRID, type SampleCell, type SampleField, type SamplePole } from '@concerto/domain';
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

/** Where each field of the grid is in `pole`, and whether it holds a list. */
const COLUMNS: Record<SampleField, { column: string; list: boolean }> = {
  collectivite_levels: { column: 'collectivite_levels', list: true },
  collectivite_services: { column: 'collectivite_services', list: true },
  legal_form: { column: 'legal_form', list: false },
  stage: { column: 'stage', list: false },
  perimeter: { column: 'perimeter', list: false },
  implantation: { column: 'implantation', list: false },
  size: { column: 'member_structure_count', list: false },
  structure_kinds: { column: 'structure_kinds', list: true },
  sectors: { column: 'sectors', list: true },
  activity_natures: { column: 'activity_natures', list: true },
};

/** The bounds of `cooperationSizeOf`, in SQL. */
const SIZE_BANDS: Record<string, string> = {
  small: 'p.member_structure_count < 10',
  medium: 'p.member_structure_count BETWEEN 10 AND 19',
  large: 'p.member_structure_count BETWEEN 20 AND 49',
  very_large: 'p.member_structure_count >= 50',
};

/**
 * Whether a pole `p` has a value of a field (value null: the field is empty), as SQL. Fields and values come from
 * the grid's vocabularies only (`SAMPLE_GRID`), so they are written into the statement as literals.
 */
function hasCell(field: SampleField, value: string | null): string {
  const grid = SAMPLE_GRID.find((g) => g.field === field);
  if (!grid || (value !== null && !grid.values.includes(value))) throw new Error(`Not a value of the grid: ${field}=${value}`);
  const { column, list } = COLUMNS[field];
  if (value === null) return list ? `cardinality(p.${column}) = 0` : `p.${column} IS NULL`;
  if (field === 'size') return SIZE_BANDS[value];
  return list ? `'${value}' = ANY(p.${column})` : `p.${column} = '${value}'`;
}

/** Every (field, value) of the grid, and (value null) each field's "nothing filled in". */
const CELLS: { field: SampleField; value: string | null }[] = SAMPLE_GRID.flatMap(({ field, values }) => [
  ...values.map((value) => ({ field, value })),
  { field, value: null },
]);

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
    // One pass over the scope's poles: per cell, the poles of the set and of the scope that have it.
    const counts = CELLS.map((c, i) => {
      const has = hasCell(c.field, c.value);
      return `count(*) FILTER (WHERE in_set AND ${has})::int AS s${i}, count(*) FILTER (WHERE ${has})::int AS a${i}`;
    });
    // counted_lines is not read, but it holds the statuses parameter every statement of the scope binds.
    const [row]: Record<string, number>[] = await db.query(
      `WITH ${scope.scopeCte}, ${scope.countedLinesCte},
            p AS (SELECT po.*, (${set}::uuid[] IS NULL OR po.id = ANY(${set}::uuid[])) AS in_set FROM pole po WHERE po.id IN (SELECT pole_id FROM scope))
       SELECT count(*) FILTER (WHERE in_set)::int AS set_poles, count(*)::int AS scope_poles, ${counts.join(', ')} FROM p`,
      [...scope.params, poleIds],
    );
    return [
      { field: null, value: null, setPoles: row.set_poles, scopePoles: row.scope_poles },
      ...CELLS.map((c, i) => ({ ...c, setPoles: row[`s${i}`], scopePoles: row[`a${i}`] })),
    ];
  }

  /** Poles of the scope outside the set that have at least one of `gaps`, those with the most first (at most `limit`). */
  async candidates(accountId: string, poleIds: string[], gaps: SampleCell[], limit: number, db: EntityManager = this.dataSource.manager): Promise<Candidate[]> {
    if (gaps.length === 0) return [];
    const scope = new ObservatoryScope(accountId, {});
    const n = scope.params.length;
    const fills = gaps.map((g, i) => `CASE WHEN ${hasCell(g.field, g.value)} THEN ${i} END`);
    const rows: { id: string; name: string; territory: string; fills: number[] }[] = await db.query(
      `WITH ${scope.scopeCte}, ${scope.countedLinesCte},
            p AS (SELECT po.* FROM pole po WHERE po.id IN (SELECT pole_id FROM scope) AND po.id <> ALL($${n + 1}::uuid[])),
            f AS (SELECT p.id, p.name, p.territory, array_remove(ARRAY[${fills.join(', ')}], NULL) AS fills FROM p)
       SELECT id, name, territory, fills FROM f WHERE cardinality(fills) > 0
        ORDER BY cardinality(fills) DESC, lower(name), id
        LIMIT $${n + 2}`,
      [...scope.params, poleIds, limit],
    );
    return rows.map((r) => ({ pole: { id: r.id, name: r.name, territory: r.territory }, fills: r.fills.map((i) => gaps[i]) }));
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
