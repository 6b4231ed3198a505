import { FunderLevel, type MedianFigure, type ObservatoryQuery, defaultStatuses, median } from '@concerto/domain';
import type { FundingLevelFigures } from './observatory.repository.js';
import type { OrganisationFact, PoleFacts, RollupFact } from './observatory-facts.repository.js';
import type { CollectiviteCountRow, MedianKey, PoleProfile } from './panorama.repository.js';

/** The caller's scope: the spaces they belong to (narrowed by the pole filters), each with its pole. */
export interface ScopeRow {
  spaceId: string;
  poleId: string;
}

/** What the figures read: a pole's facts and the organisations (kind and current level). */
export interface FactsSource {
  pole(poleId: string): PoleFacts | undefined;
  organisations: Map<string, OrganisationFact>;
}

const polesOf = (scope: ScopeRow[]) => [...new Set(scope.map((s) => s.poleId))];

/** The rollup rows the observatory counts for this query (period, statuses, level, project stage), in the scope's spaces. */
function* countedRollup(facts: FactsSource, scope: ScopeRow[], query: ObservatoryQuery): Generator<RollupFact & { poleId: string }> {
  const spaces = new Set(scope.map((s) => s.spaceId));
  const statuses = new Set<string>(defaultStatuses(query));
  const from = query.from ?? -Infinity;
  const to = query.to ?? Infinity;
  for (const poleId of polesOf(scope)) {
    for (const row of facts.pole(poleId)?.rollup ?? []) {
      if (!spaces.has(row.spaceId) || !statuses.has(row.status) || row.year < from || row.year > to) continue;
      if ((query.level && row.level !== query.level) || (query.projectStage && row.projectStage !== query.projectStage)) continue;
      yield { ...row, poleId };
    }
  }
}

const sumOf = (values: Iterable<number>) => {
  let sum = 0;
  for (const v of values) sum += v;
  return sum;
};

/**
 * The study's funding table over the rolled-up amounts: per funder level the total, the projects supported and
 * the exact median of what each project received from that level over the period; then all levels (level null).
 * Levels without any counted money have no row (as the SQL it replaces).
 */
export function fundingLevelFigures(facts: FactsSource, scope: ScopeRow[], query: ObservatoryQuery): FundingLevelFigures[] {
  const perLevel = new Map<FunderLevel, Map<string, number>>();
  const perProject = new Map<string, number>();
  for (const row of countedRollup(facts, scope, query)) {
    let projects = perLevel.get(row.level);
    if (!projects) perLevel.set(row.level, (projects = new Map()));
    projects.set(row.projectId, (projects.get(row.projectId) ?? 0) + row.amountCents);
    perProject.set(row.projectId, (perProject.get(row.projectId) ?? 0) + row.amountCents);
  }
  const figures = (level: FunderLevel | null, amounts: Map<string, number>): FundingLevelFigures => {
    const values = [...amounts.values()];
    return { level, totalCents: sumOf(values), projectCount: values.length, medianCents: median(values) };
  };
  return [...FunderLevel.keys.filter((level) => perLevel.has(level)).map((level) => figures(level, perLevel.get(level)!)), figures(null, perProject)];
}

/** The money counted for this query (the panorama's "montants mobilisés"). */
export function mobilisedCents(facts: FactsSource, scope: ScopeRow[], query: ObservatoryQuery): number {
  let sum = 0;
  for (const row of countedRollup(facts, scope, query)) sum += row.amountCents;
  return sum;
}

const PROFILE_VALUES: Record<MedianKey, (p: NonNullable<PoleFacts['profile']>, referenceYear: number) => number | null> = {
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
function collectiviteLinks(facts: FactsSource, scope: ScopeRow[], query: ObservatoryQuery): Map<string, Map<string, Set<string>>> {
  const links = new Map<string, Map<string, Set<string>>>(polesOf(scope).map((poleId) => [poleId, new Map()]));
  const link = (poleId: string, organisationId: string, level: string | null) => {
    if (!level || (query.level && level !== query.level)) return;
    const byOrganisation = links.get(poleId)!;
    let levels = byOrganisation.get(organisationId);
    if (!levels) byOrganisation.set(organisationId, (levels = new Set()));
    levels.add(level);
  };
  const collectiviteLevel = (organisationId: string) => {
    const organisation = facts.organisations.get(organisationId);
    return organisation?.kind === 'collectivite' ? organisation.level : null;
  };
  for (const row of countedRollup(facts, scope, query)) if (row.level !== 'other') link(row.poleId, row.funderId, row.level);
  const spaces = new Set(scope.map((s) => s.spaceId));
  const from = query.from ?? -Infinity;
  const to = query.to ?? Infinity;
  for (const poleId of links.keys()) {
    const pole = facts.pole(poleId);
    for (const p of pole?.partners ?? []) if (spaces.has(p.spaceId)) link(poleId, p.organisationId, collectiviteLevel(p.organisationId));
    for (const r of pole?.relations ?? []) if (r.year >= from && r.year <= to) link(poleId, r.organisationId, collectiviteLevel(r.organisationId));
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
