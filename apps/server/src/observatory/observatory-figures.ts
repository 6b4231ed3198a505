import { type FunderLevel, type MedianFigure, type ObservatoryQuery, median } from '@concerto/domain';
import type { IndicatorColumns } from './indicator-columns.js';
import type { FundingLevelFigures } from './observatory.repository.js';
import type { OrganisationFact, PoleFact } from './observatory-facts.repository.js';
import type { CollectiviteCountRow, MedianKey, PoleProfile } from './panorama.repository.js';
import { type PolePartial, type PolePartials, type SpacePartial, rowFilter } from './pole-partials.js';
import { type Interner, LEVELS, type RollupColumns } from './rollup-columns.js';

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
  indicators: IndicatorColumns;
}

/** What the figures read: each pole's facts, the interned ids, the organisations (kind and current level) by index. */
export interface FactsSource {
  ids: Interner;
  partials: PolePartials;
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

/** Each organisation's current collectivité level as an index of LEVELS, -1 when not a collectivité. */
function collectiviteLevels(facts: FactsSource): (organisation: number) => number {
  const known = new Map<number, number>();
  return (organisation) => {
    let level = known.get(organisation);
    if (level === undefined) {
      const found = facts.organisations.get(organisation);
      level = found?.kind === 'collectivite' && found.level ? LEVELS.indexOf(found.level as FunderLevel) : -1;
      known.set(organisation, level);
    }
    return level;
  };
}

/** Each pole's partial under the query's line filters, with the pole's spaces in scope (their partials). */
function forEachPolePartial(
  facts: FactsSource,
  scope: ScopeRow[],
  query: ObservatoryQuery,
  visit: (partial: PolePartial, spaces: SpacePartial[], pole: number) => void,
  poles: string[] = polesOf(scope),
): void {
  const inScope = spaceFlags(facts, scope);
  const filter = rowFilter(query);
  const levelOf = collectiviteLevels(facts);
  for (let pole = 0; pole < poles.length; pole++) {
    const source = facts.pole(poles[pole]);
    if (!source) continue;
    const partial = facts.partials.of(poles[pole], source, filter, facts.organisations, levelOf);
    const spaces: SpacePartial[] = [];
    for (const [space, spacePartial] of partial.spaces) if (inScope[space]) spaces.push(spacePartial);
    visit(partial, spaces, pole);
  }
}

/** The arrays end to end, in a new array. */
function concat(parts: Float64Array[]): Float64Array {
  const all = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    all.set(part, offset);
    offset += part.length;
  }
  return all;
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
  // A project belongs to one space: its sums are whole in its space's partial.
  const byLevel: Float64Array[][] = LEVELS.map(() => []);
  const perProject: Float64Array[] = [];
  forEachPolePartial(facts, scope, query, (_, spaces) => {
    for (const partial of spaces) {
      partial.byLevel.forEach((amounts, level) => {
        if (amounts) byLevel[level].push(amounts);
      });
      perProject.push(partial.perProject);
    }
  });
  const figures = (level: FunderLevel | null, amounts: Float64Array): FundingLevelFigures => ({
    level,
    totalCents: amounts.reduce((a, b) => a + b, 0),
    projectCount: amounts.length,
    medianCents: medianOf(amounts),
  });
  return [...LEVELS.flatMap((level, i) => (byLevel[i].length > 0 ? [figures(level, concat(byLevel[i]))] : [])), figures(null, concat(perProject))];
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

/**
 * Totals and median profiles of the poles in scope; ages are counted at the end of the period (this year when
 * open-ended). The money (`mobilisedCents`) is the panorama's (`panoramaFacts`): this part changes with the poles only.
 */
export function poleProfile(facts: FactsSource, scope: ScopeRow[], query: ObservatoryQuery): Omit<PoleProfile, 'mobilisedCents'> {
  const profiles = polesOf(scope)
    .map((poleId) => facts.pole(poleId)?.profile)
    .filter((p) => p !== null && p !== undefined);
  const referenceYear = query.to ?? new Date().getFullYear();
  const total = (value: (p: (typeof profiles)[number]) => number | null) => sumOf(profiles.map((p) => value(p) ?? 0));
  const medians = Object.fromEntries(
    (Object.keys(PROFILE_VALUES) as MedianKey[]).map((key): [MedianKey, MedianFigure] => {
      const values = Float64Array.from(profiles.map((p) => PROFILE_VALUES[key](p, referenceYear)).filter((v): v is number => v !== null));
      return [key, { median: medianOf(values), count: values.length }];
    }),
  ) as Record<MedianKey, MedianFigure>;
  return {
    poles: profiles.length,
    jobs: total((p) => p.employees),
    enterprises: total((p) => p.memberStructures),
    consolidatedBudgetCents: total((p) => p.consolidatedBudgetCents),
    medians,
  };
}

/** The panorama's figures that follow the money: the money mobilised, presence of collectivité levels, collectivités per pole. */
export interface PanoramaFacts {
  mobilisedCents: number;
  presence: { level: string; poles: number }[];
  counts: CollectiviteCountRow[];
}

/**
 * The panorama from the spaces' partials (see PolePartials). Each pole in scope is linked to collectivités, each link
 * with a level: as a funder (at the level the line was recorded at, so a later change of the organisation's level
 * leaves past money where it was), as a project partner, or by a recorded relation of the period (at the
 * organisation's current level). Presence: the poles linked to a level or declaring it; counts: poles by number of
 * collectivités linked, fewest first, with the median over every pole in scope (same on every row).
 */
export function panoramaFacts(facts: FactsSource, scope: ScopeRow[], query: ObservatoryQuery): PanoramaFacts {
  const poles = polesOf(scope).filter((poleId) => facts.pole(poleId)?.profile);
  const only = query.level ? LEVELS.indexOf(query.level) : -1;
  let mobilised = 0;
  const presence = new Array<number>(LEVELS.length).fill(0);
  const perPole: number[] = [];
  forEachPolePartial(
    facts,
    scope,
    query,
    (partial, spaces, pole) => {
      // Organisation → levels (bits); usually one space of the pole is in scope and its links are used as they are.
      let links = spaces.length === 0 ? partial.relationLinks : spaces[0].links;
      if (spaces.length > 1) {
        links = new Map(links);
        for (const space of spaces.slice(1)) for (const [organisation, bits] of space.links) links.set(organisation, (links.get(organisation) ?? 0) | bits);
      }
      for (const space of spaces) mobilised += space.mobilisedCents;
      let levels = 0;
      for (const bits of links.values()) levels |= bits;
      for (const declared of facts.pole(poles[pole])!.profile!.collectiviteLevels) {
        const level = LEVELS.indexOf(declared as FunderLevel);
        if (level >= 0 && (only < 0 || level === only)) levels |= 1 << level;
      }
      for (let level = 0; level < LEVELS.length; level++) if (levels & (1 << level)) presence[level] += 1;
      perPole.push(links.size);
    },
    poles,
  );
  const middle = median(perPole);
  const byCount = new Map<number, number>();
  for (const n of perPole) byCount.set(n, (byCount.get(n) ?? 0) + 1);
  return {
    mobilisedCents: mobilised,
    presence: LEVELS.flatMap((level, i) => (presence[i] > 0 ? [{ level, poles: presence[i] }] : [])),
    counts: [...byCount].sort(([a], [b]) => a - b).map(([collectivites, n]) => ({ collectivites, poles: n, median: middle })),
  };
}
