import { type FunderLevel, type MedianFigure, type ObservatoryQuery, median } from '@concerto/domain';
import type { IndicatorColumns } from './indicator-columns.js';
import type { FundingLevelFigures } from './observatory.repository.js';
import type { OrganisationFact, PoleFact } from './observatory-facts.repository.js';
import type { CollectiviteCountRow, MedianKey, PoleProfile } from './panorama.repository.js';
import { type PolePartial, type PolePartials, type PoleTally, type SpacePartial, rowFilter } from './pole-partials.js';
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

/** The scope's poles (each once) and its spaces as flags by interned index, worked out once per scope. */
interface ScopeIndex {
  poles: string[];
  spaces: Uint8Array;
  /** Spaces of the scope not interned yet (no facts held): looked up again on every use. */
  unseen: string[];
}

const scopeIndexes = new WeakMap<ScopeRow[], ScopeIndex>();

/**
 * The scope's poles and spaces; kept with the scope (a cached array, replaced when its memberships or poles change),
 * except that a space without facts yet is looked for again until it has some.
 */
function scopeIndex(facts: FactsSource, scope: ScopeRow[]): ScopeIndex {
  let index = scopeIndexes.get(scope);
  if (!index || index.unseen.some((spaceId) => facts.ids.find(spaceId) >= 0)) {
    const spaces = new Uint8Array(facts.ids.size);
    const unseen: string[] = [];
    for (const { spaceId } of scope) {
      const space = facts.ids.find(spaceId);
      if (space >= 0) spaces[space] = 1;
      else unseen.push(spaceId);
    }
    const poles = index?.poles ?? [...new Set(scope.map((s) => s.poleId))];
    scopeIndexes.set(scope, (index = { poles, spaces, unseen }));
  }
  return index;
}

const polesOf = (facts: FactsSource, scope: ScopeRow[]) => scopeIndex(facts, scope).poles;

/**
 * The scope cut in parts by a property of each pole (e.g. its territory), every row of a pole in the same part; each
 * part reuses the scope's flags of spaces instead of working them out again.
 */
export function scopeParts<K>(facts: FactsSource, scope: ScopeRow[], keyOf: (pole: StoredPole | undefined) => K): Map<K, ScopeRow[]> {
  const whole = scopeIndex(facts, scope);
  const parts = new Map<K, { rows: ScopeRow[]; poles: Set<string> }>();
  for (const row of scope) {
    const key = keyOf(facts.pole(row.poleId));
    let part = parts.get(key);
    if (!part) parts.set(key, (part = { rows: [], poles: new Set() }));
    part.rows.push(row);
    part.poles.add(row.poleId);
  }
  return new Map(
    [...parts].map(([key, { rows, poles }]) => {
      scopeIndexes.set(rows, { poles: [...poles], spaces: whole.spaces, unseen: whole.unseen });
      return [key, rows];
    }),
  );
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

/**
 * Each pole of the scope that has facts, with its partial under the query's line filters and those of its spaces
 * that are in scope; `whole` when every space of the partial is.
 */
function forEachPolePartial(
  facts: FactsSource,
  scope: ScopeRow[],
  query: ObservatoryQuery,
  visit: (partial: PolePartial, spaces: SpacePartial[], pole: StoredPole, whole: boolean) => void,
): void {
  const { poles, spaces: inScope } = scopeIndex(facts, scope);
  const partials = facts.partials.table(rowFilter(query), collectiviteLevels(facts));
  for (const poleId of poles) {
    const source = facts.pole(poleId);
    if (!source) continue;
    const partial = partials.of(poleId, source);
    const spaces: SpacePartial[] = [];
    for (const [space, spacePartial] of partial.spaces) if (inScope[space] === 1) spaces.push(spacePartial);
    visit(partial, spaces, source, spaces.length === partial.spaces.size);
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
  const profiles = polesOf(facts, scope)
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
  /** The poles of the scope that have a profile. */
  poles: number;
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
  const only = query.level ? LEVELS.indexOf(query.level) : -1;
  let mobilised = 0;
  const presence = new Array<number>(LEVELS.length).fill(0);
  const perPole: number[] = [];
  forEachPolePartial(facts, scope, query, (partial, spaces, pole, whole) => {
    if (!pole.profile) return;
    // A pole's share is kept with its partial when all of its spaces are in scope (the usual case).
    const tally = whole ? (partial.whole ??= poleTally(partial, spaces, pole.profile, only)) : poleTally(partial, spaces, pole.profile, only);
    mobilised += tally.mobilisedCents;
    for (let level = 0; level < LEVELS.length; level++) if (tally.levels & (1 << level)) presence[level] += 1;
    perPole.push(tally.collectivites);
  });
  const middle = median(perPole);
  const byCount = new Map<number, number>();
  for (const n of perPole) byCount.set(n, (byCount.get(n) ?? 0) + 1);
  return {
    poles: perPole.length,
    mobilisedCents: mobilised,
    presence: LEVELS.flatMap((level, i) => (presence[i] > 0 ? [{ level, poles: presence[i] }] : [])),
    counts: [...byCount].sort(([a], [b]) => a - b).map(([collectivites, n]) => ({ collectivites, poles: n, median: middle })),
  };
}

/** One pole's share of a panorama over `spaces` (those of its spaces in scope), the levels restricted to `only` (-1: all). */
function poleTally(partial: PolePartial, spaces: SpacePartial[], profile: PoleFact, only: number): PoleTally {
  // Organisation → levels (bits); usually one space of the pole is in scope and its links are used as they are.
  let links = spaces.length === 0 ? partial.relationLinks : spaces[0].links;
  if (spaces.length > 1) {
    links = new Map(links);
    for (const space of spaces.slice(1)) for (const [organisation, bits] of space.links) links.set(organisation, (links.get(organisation) ?? 0) | bits);
  }
  let mobilisedCents = 0;
  for (const space of spaces) mobilisedCents += space.mobilisedCents;
  let levels = 0;
  for (const bits of links.values()) levels |= bits;
  for (const declared of profile.collectiviteLevels) {
    const level = LEVELS.indexOf(declared as FunderLevel);
    if (level >= 0 && (only < 0 || level === only)) levels |= 1 << level;
  }
  return { mobilisedCents, levels, collectivites: links.size };
}
