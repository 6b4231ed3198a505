import { INDICATOR_HEADLINE, type IndicatorsOverTimeView, type ObservatoryQuery, type RolledUpIndicator, median } from '@concerto/domain';
import { INDICATORS } from './indicator-columns.js';
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

/**
 * Each pole's value of each indicator per year, over the spaces of the scope and the query's period and project
 * stage (the money filters — funder level, statuses — do not apply to indicators). A project's value for a year is its
 * latest measure of that year (the rollup's row); a pole's value is the sum over its projects in scope.
 */
export function poleIndicatorValues(facts: FactsSource, scope: ScopeRow[], query: ObservatoryQuery): PoleIndicatorValue[] {
  const inScope = new Set<number>();
  for (const { spaceId } of scope) {
    const index = facts.ids.find(spaceId);
    if (index >= 0) inScope.add(index);
  }
  const from = query.from ?? -Infinity;
  const to = query.to ?? Infinity;
  const stage = query.projectStage ? STAGES.indexOf(query.projectStage) : -1;
  const values: PoleIndicatorValue[] = [];
  for (const poleId of new Set(scope.map((s) => s.poleId))) {
    const rows = facts.pole(poleId)?.indicators;
    if (!rows || rows.length === 0) continue;
    // kind × year → [sum, projects]
    const sums = new Map<number, [number, number]>();
    for (let i = 0; i < rows.length; i++) {
      if (!inScope.has(rows.space[i]) || rows.year[i] < from || rows.year[i] > to || (stage >= 0 && rows.stage[i] !== stage)) continue;
      const key = rows.kind[i] * 10_000 + rows.year[i];
      const sum = sums.get(key);
      if (sum) {
        sum[0] += rows.value[i];
        sum[1] += 1;
      } else sums.set(key, [rows.value[i], 1]);
    }
    for (const [key, [value, projects]] of sums) {
      values.push({ poleId, kind: INDICATORS[Math.floor(key / 10_000)], year: key % 10_000, value: tidy(value), projects });
    }
  }
  return values;
}

/** The indicators over the scope by year: total, median per pole (over the poles that measured it), poles and projects. */
export function indicatorsOverTime(query: ObservatoryQuery, values: readonly PoleIndicatorValue[]): IndicatorsOverTimeView {
  const byKind = new Map<RolledUpIndicator, Map<number, PoleIndicatorValue[]>>();
  for (const value of values) {
    let years = byKind.get(value.kind);
    if (!years) byKind.set(value.kind, (years = new Map()));
    let poles = years.get(value.year);
    if (!poles) years.set(value.year, (poles = []));
    poles.push(value);
  }
  return {
    period: { from: query.from ?? null, to: query.to ?? null },
    indicators: INDICATORS.map((kind) => ({
      kind,
      headline: INDICATOR_HEADLINE[kind],
      years: [...(byKind.get(kind) ?? new Map<number, PoleIndicatorValue[]>())]
        .sort(([a], [b]) => a - b)
        .map(([year, poles]) => {
          const median_ = median(poles.map((p) => p.value));
          return {
            year,
            total: tidy(poles.reduce((sum, p) => sum + p.value, 0)),
            medianPerPole: median_ === null ? null : tidy(median_),
            poles: poles.length,
            projects: poles.reduce((sum, p) => sum + p.projects, 0),
          };
        }),
    })),
  };
}
