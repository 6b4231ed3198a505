import { INDICATOR_HEADLINE, type IndicatorsOverTimeView, type ObservatoryQuery, type RolledUpIndicator } from '@concerto/domain';
import { INDICATORS, type IndicatorColumns } from './indicator-columns.js';
import type { FactsSource, ScopeRow } from './observatory-figures.js';
import { STAGES } from './rollup-columns.js';

/** One pole's value of an indicator in a year: the sum of its projects' values, and how many projects measured it. */
export interface PoleIndicatorValue {
  poleId: string;
  kind: RolledUpIndicator;
  year: number;
  value: number;
  projects: number;
}

/** Sums of doubles (values with decimals) are shown rounded: 0,1 + 0,2 is 0,3. */
const tidy = (value: number) => Math.round(value * 10_000) / 10_000;

/** One pole's sums under one set of filters: per (indicator, year) key, the sum of its projects' values and their count. */
interface PoleSums {
  keys: number[];
  sums: number[];
  projects: number[];
}

const keyOf = (kind: number, year: number) => kind * 10_000 + year;

/**
 * Each pole's sums, kept with the pole's rows (a reloaded pole has new rows, so its sums are computed again) per filter
 * and spaces in scope: after a write, only the changed pole is summed again, the others are read back.
 */
const polesSums = new WeakMap<IndicatorColumns, Map<string, PoleSums>>();

function sumsOf(rows: IndicatorColumns, spaces: readonly number[], from: number, to: number, stage: number, filterKey: string): PoleSums {
  let memo = polesSums.get(rows);
  if (!memo) polesSums.set(rows, (memo = new Map()));
  const key = spaces.length === 1 ? `${filterKey}|${spaces[0]}` : `${filterKey}|${spaces.join(',')}`;
  const known = memo.get(key);
  if (known) return known;
  const index = new Map<number, number>();
  const result: PoleSums = { keys: [], sums: [], projects: [] };
  for (let i = 0; i < rows.length; i++) {
    if (rows.year[i] < from || rows.year[i] > to || (stage >= 0 && rows.stage[i] !== stage)) continue;
    if (spaces.length === 1 ? rows.space[i] !== spaces[0] : !spaces.includes(rows.space[i])) continue;
    const k = keyOf(rows.kind[i], rows.year[i]);
    const at = index.get(k);
    if (at === undefined) {
      index.set(k, result.keys.length);
      result.keys.push(k);
      result.sums.push(rows.value[i]);
      result.projects.push(1);
    } else {
      result.sums[at] += rows.value[i];
      result.projects[at] += 1;
    }
  }
  for (let i = 0; i < result.sums.length; i++) result.sums[i] = tidy(result.sums[i]);
  // A handful of filters per pole at most are in use at once; forget the oldest beyond that.
  if (memo.size >= 8) memo.delete(memo.keys().next().value as string);
  memo.set(key, result);
  return result;
}

/**
 * Each pole's sums per indicator and year (tidy), over the spaces of the scope and the query's period and project stage
 * (the money filters — funder level, statuses — do not apply to indicators). A project's value for a year is its latest
 * measure of that year (the rollup's row); a pole's value is the sum over its projects in scope.
 */
function polesSumsInScope(facts: FactsSource, scope: ScopeRow[], query: ObservatoryQuery): { poleId: string; sums: PoleSums }[] {
  const spacesOf = new Map<string, number[]>();
  for (const { spaceId, poleId } of scope) {
    const index = facts.ids.find(spaceId);
    if (index < 0) continue;
    const spaces = spacesOf.get(poleId);
    if (spaces) spaces.push(index);
    else spacesOf.set(poleId, [index]);
  }
  const from = query.from ?? -Infinity;
  const to = query.to ?? Infinity;
  const stage = query.projectStage ? STAGES.indexOf(query.projectStage) : -1;
  const filterKey = `${from}|${to}|${stage}`;
  const result: { poleId: string; sums: PoleSums }[] = [];
  for (const [poleId, spaces] of spacesOf) {
    const rows = facts.pole(poleId)?.indicators;
    if (!rows || rows.length === 0) continue;
    if (spaces.length > 1) spaces.sort((a, b) => a - b);
    result.push({ poleId, sums: sumsOf(rows, spaces, from, to, stage, filterKey) });
  }
  return result;
}

/** Each pole's value of each indicator per year (the open data per pole). */
export function poleIndicatorValues(facts: FactsSource, scope: ScopeRow[], query: ObservatoryQuery): PoleIndicatorValue[] {
  const values: PoleIndicatorValue[] = [];
  for (const { poleId, sums } of polesSumsInScope(facts, scope, query)) {
    for (let i = 0; i < sums.keys.length; i++) {
      const key = sums.keys[i];
      values.push({ poleId, kind: INDICATORS[Math.floor(key / 10_000)], year: key % 10_000, value: sums.sums[i], projects: sums.projects[i] });
    }
  }
  return values;
}

/** The indicators over the scope by year, straight from the poles' sums (no object per pole). */
export function scopeIndicators(facts: FactsSource, scope: ScopeRow[], query: ObservatoryQuery): IndicatorsOverTimeView {
  const byKey = new Map<number, { values: number[]; projects: number }>();
  for (const { sums } of polesSumsInScope(facts, scope, query)) {
    for (let i = 0; i < sums.keys.length; i++) {
      const entry = byKey.get(sums.keys[i]);
      if (entry) {
        entry.values.push(sums.sums[i]);
        entry.projects += sums.projects[i];
      } else byKey.set(sums.keys[i], { values: [sums.sums[i]], projects: sums.projects[i] });
    }
  }
  return viewOf(query, byKey);
}

/** The indicators over the scope by year: total, median per pole (over the poles that measured it), poles and projects. */
export function indicatorsOverTime(query: ObservatoryQuery, values: readonly PoleIndicatorValue[]): IndicatorsOverTimeView {
  const byKey = new Map<number, { values: number[]; projects: number }>();
  for (const v of values) {
    const key = keyOf(INDICATORS.indexOf(v.kind), v.year);
    const entry = byKey.get(key);
    if (entry) {
      entry.values.push(v.value);
      entry.projects += v.projects;
    } else byKey.set(key, { values: [v.value], projects: v.projects });
  }
  return viewOf(query, byKey);
}

function viewOf(query: ObservatoryQuery, byKey: Map<number, { values: number[]; projects: number }>): IndicatorsOverTimeView {
  const keys = [...byKey.keys()].sort((a, b) => a - b);
  return {
    period: { from: query.from ?? null, to: query.to ?? null },
    indicators: INDICATORS.map((kind, k) => ({
      kind,
      headline: INDICATOR_HEADLINE[kind],
      years: keys
        .filter((key) => Math.floor(key / 10_000) === k)
        .map((key) => {
          const { values, projects } = byKey.get(key) ?? { values: [], projects: 0 };
          let total = 0;
          for (const v of values) total += v;
          const middle = medianOf(Float64Array.from(values));
          return { year: key % 10_000, total: tidy(total), medianPerPole: middle === null ? null : tidy(middle), poles: values.length, projects };
        }),
    })),
  };
}

/** Exact median of a typed array (sorted in place). */
function medianOf(values: Float64Array): number | null {
  if (values.length === 0) return null;
  values.sort();
  const middle = values.length >> 1;
  return values.length % 2 === 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}
