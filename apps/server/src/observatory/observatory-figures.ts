import { type FunderLevel, type MedianFigure, type ObservatoryQuery, defaultStatuses, median } from '@concerto/domain';
import type { FundingLevelFigures } from './observatory.repository.js';
import type { OrganisationFact, PoleFact } from './observatory-facts.repository.js';
import type { CollectiviteCountRow, MedianKey, PoleProfile } from './panorama.repository.js';
import { type Interner, LEVELS, OTHER_LEVEL, type RollupColumns, STAGES, STATUSES } from './rollup-columns.js';

/** The caller's scope: the spaces they belong to (narrowed by the pole filters), each with its pole. */
export interface ScopeRow {
  spaceId: string;
  poleId: string;
}

/** A pole's facts as the store keeps them: organisations, spaces and projects as interned indexes. */
export interface StoredPole {
  profile: PoleFact | null;
  rollup: RollupColumns;
  partners: { space: number; organisation: number }[];
  relations: { organisation: number; year: number }[];
}

/** What the figures read: each pole's facts, the interned ids, the organisations (kind and current level) by index. */
export interface FactsSource {
  ids: Interner;
  pole(poleId: string): StoredPole | undefined;
  organisations: Map<number, OrganisationFact>;
}

const polesOf = (scope: ScopeRow[]) => [...new Set(scope.map((s) => s.poleId))];

/** The scope's spaces as flags by interned index. */
function spaceFlags(facts: FactsSource, scope: ScopeRow[]): Uint8Array {
  const flags = new Uint8Array(facts.ids.size);
  for (const { spaceId } of scope) {
    const index = facts.ids.find(spaceId);
    if (index >= 0) flags[index] = 1;
  }
  return flags;
}

/**
 * Calls `visit` with each rollup row the observatory counts for this query (period, statuses, level, project stage)
 * in the scope's spaces, and the row's pole.
 */
function forEachCounted(
  facts: FactsSource,
  scope: ScopeRow[],
  query: ObservatoryQuery,
  visit: (rollup: RollupColumns, row: number, poleId: string) => void,
): void {
  const spaces = spaceFlags(facts, scope);
  const statuses = new Uint8Array(STATUSES.length);
  for (const status of defaultStatuses(query)) statuses[STATUSES.indexOf(status)] = 1;
  const from = query.from ?? -Infinity;
  const to = query.to ?? Infinity;
  const level = query.level ? LEVELS.indexOf(query.level) : -1;
  const stage = query.projectStage ? STAGES.indexOf(query.projectStage) : -1;
  for (const poleId of polesOf(scope)) {
    const rollup = facts.pole(poleId)?.rollup;
    if (!rollup) continue;
    for (let i = 0; i < rollup.length; i++) {
      if (!spaces[rollup.space[i]] || !statuses[rollup.status[i]] || rollup.year[i] < from || rollup.year[i] > to) continue;
      if ((level >= 0 && rollup.level[i] !== level) || (stage >= 0 && rollup.stage[i] !== stage)) continue;
      visit(rollup, i, poleId);
    }
  }
}

/** Exact median of a typed array (sorted in place): the middle value, or the mean of the two middle ones. */
function medianOf(values: Float64Array): number | null {
  if (values.length === 0) return null;
  values.sort();
  const middle = values.length >> 1;
  return values.length % 2 === 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

/**
 * The study's funding table over the rolled-up amounts: per funder level the total, the projects supported and
 * the exact median of what each project received from that level over the period; then all levels (level null).
 * Levels without any counted money have no row (as the SQL it replaces). Amounts are integers (cents) far below
 * 2^53: sums in doubles are exact.
 */
export function fundingLevelFigures(facts: FactsSource, scope: ScopeRow[], query: ObservatoryQuery): FundingLevelFigures[] {
  const levels = LEVELS.length;
  // Per (project, level) and per project; amounts are positive, so a zero sum means "not seen yet".
  const sums = new Float64Array(facts.ids.size * levels);
  const perProject = new Float64Array(facts.ids.size);
  const seen: number[] = [];
  const projects: number[] = [];
  forEachCounted(facts, scope, query, (rollup, i) => {
    const project = rollup.project[i];
    const key = project * levels + rollup.level[i];
    if (sums[key] === 0) seen.push(key);
    sums[key] += rollup.amountCents[i];
    if (perProject[project] === 0) projects.push(project);
    perProject[project] += rollup.amountCents[i];
  });
  const byLevel: number[][] = LEVELS.map(() => []);
  for (const key of seen) byLevel[key % levels].push(sums[key]);
  const figures = (level: FunderLevel | null, amounts: Float64Array): FundingLevelFigures => ({
    level,
    totalCents: amounts.reduce((a, b) => a + b, 0),
    projectCount: amounts.length,
    medianCents: medianOf(amounts),
  });
  return [
    ...LEVELS.flatMap((level, i) => (byLevel[i].length > 0 ? [figures(level, Float64Array.from(byLevel[i]))] : [])),
    figures(
      null,
      Float64Array.from(projects, (p) => perProject[p]),
    ),
  ];
}

/** The money counted for this query (the panorama's "montants mobilisés"). */
export function mobilisedCents(facts: FactsSource, scope: ScopeRow[], query: ObservatoryQuery): number {
  let sum = 0;
  forEachCounted(facts, scope, query, (rollup, i) => {
    sum += rollup.amountCents[i];
  });
  return sum;
}

const sumOf = (values: Iterable<number>) => {
  let sum = 0;
  for (const v of values) sum += v;
  return sum;
};

const PROFILE_VALUES: Record<MedianKey, (p: PoleFact, referenceYear: number) => number | null> = {
  ageYears: (p, year) => (p.foundedYear === null ? null : year - p.foundedYear),
  budgetCents: (p) => p.cellBudgetCents,
  selfFinancedPercent: (p) => p.cellSelfFinancedPercent,
  fte: (p) => p.cellFte,
  memberStructures: (p) => p.memberStructures,
  employees: (p) => p.employees,
  consolidatedBudgetCents: (p) => p.consolidatedBudgetCents,
};

/** Totals and median profiles of the poles in scope; ages are counted at the end of the period (this year when open-ended). */
export function poleProfile(facts: FactsSource, scope: ScopeRow[], query: ObservatoryQuery): PoleProfile {
  const profiles = polesOf(scope)
    .map((poleId) => facts.pole(poleId)?.profile)
    .filter((p) => p !== null && p !== undefined);
  const referenceYear = query.to ?? new Date().getFullYear();
  const total = (value: (p: (typeof profiles)[number]) => number | null) => sumOf(profiles.map((p) => value(p) ?? 0));
  const medians = Object.fromEntries(
    (Object.keys(PROFILE_VALUES) as MedianKey[]).map((key): [MedianKey, MedianFigure] => {
      const values = profiles.map((p) => PROFILE_VALUES[key](p, referenceYear)).filter((v): v is number => v !== null);
      return [key, { median: median(values), count: values.length }];
    }),
  ) as Record<MedianKey, MedianFigure>;
  return {
    poles: profiles.length,
    jobs: total((p) => p.employees),
    enterprises: total((p) => p.memberStructures),
    consolidatedBudgetCents: total((p) => p.consolidatedBudgetCents),
    mobilisedCents: mobilisedCents(facts, scope, query),
    medians,
  };
}

/**
 * The collectivités each pole in scope is linked to, with the level of the link: as a funder (at the level the
 * line was recorded at, so a later change of the organisation's level does not move past money), as a project
 * partner, or by a recorded relation of the period (at the organisation's level).
 */
function collectiviteLinks(facts: FactsSource, scope: ScopeRow[], query: ObservatoryQuery): Map<string, Map<number, Set<string>>> {
  const links = new Map<string, Map<number, Set<string>>>(polesOf(scope).map((poleId) => [poleId, new Map()]));
  const link = (poleId: string, organisation: number, level: string | null) => {
    if (!level || (query.level && level !== query.level)) return;
    const byOrganisation = links.get(poleId)!;
    let levels = byOrganisation.get(organisation);
    if (!levels) byOrganisation.set(organisation, (levels = new Set()));
    levels.add(level);
  };
  const collectiviteLevel = (organisation: number) => {
    const found = facts.organisations.get(organisation);
    return found?.kind === 'collectivite' ? found.level : null;
  };
  forEachCounted(facts, scope, query, (rollup, i, poleId) => {
    if (rollup.level[i] !== OTHER_LEVEL) link(poleId, rollup.funder[i], LEVELS[rollup.level[i]]);
  });
  const spaces = spaceFlags(facts, scope);
  const from = query.from ?? -Infinity;
  const to = query.to ?? Infinity;
  for (const poleId of links.keys()) {
    const pole = facts.pole(poleId);
    for (const p of pole?.partners ?? []) if (spaces[p.space]) link(poleId, p.organisation, collectiviteLevel(p.organisation));
    for (const r of pole?.relations ?? []) if (r.year >= from && r.year <= to) link(poleId, r.organisation, collectiviteLevel(r.organisation));
  }
  return links;
}

/** Per collectivité level, the poles linked to one of that level or declaring that level. */
export function levelPresence(facts: FactsSource, scope: ScopeRow[], query: ObservatoryQuery): { level: string; poles: number }[] {
  const poles = new Map<string, number>();
  for (const [poleId, byOrganisation] of collectiviteLinks(facts, scope, query)) {
    const levels = new Set<string>(facts.pole(poleId)?.profile?.collectiviteLevels ?? []);
    for (const linked of byOrganisation.values()) for (const level of linked) levels.add(level);
    for (const level of levels) if (!query.level || level === query.level) poles.set(level, (poles.get(level) ?? 0) + 1);
  }
  return [...poles].map(([level, n]) => ({ level, poles: n }));
}

/** Poles by number of collectivités linked, fewest first; `median` over every pole in scope (same on every row). */
export function collectiviteCounts(facts: FactsSource, scope: ScopeRow[], query: ObservatoryQuery): CollectiviteCountRow[] {
  const perPole = [...collectiviteLinks(facts, scope, query).entries()].filter(([poleId]) => facts.pole(poleId)?.profile).map(([, orgs]) => orgs.size);
  const middle = median(perPole);
  const poles = new Map<number, number>();
  for (const n of perPole) poles.set(n, (poles.get(n) ?? 0) + 1);
  return [...poles].sort(([a], [b]) => a - b).map(([collectivites, n]) => ({ collectivites, poles: n, median: middle }));
}
