import { type ObservatoryQuery, defaultStatuses } from '@concerto/domain';
import { LEVELS, OTHER_LEVEL, type RollupColumns, STAGES, STATUSES } from './rollup-columns.js';

/** A space's counted money for one set of line filters: what the figures of any scope holding that space add up. */
export interface SpacePartial {
  /** Per funder level, what each project of the space received from that level (one value per project). */
  byLevel: (Float64Array | null)[];
  /** What each project of the space received in all. */
  perProject: Float64Array;
  mobilisedCents: number;
  /** Collectivités funding the space's projects → the levels (bits) their counted lines were recorded at. */
  funders: Map<number, number>;
  /**
   * The collectivités the pole is linked to through this space → the levels (bits) of the links: funders of its
   * projects at the level their counted lines were recorded at, partners of its projects and the pole's relations of
   * the period at the organisation's current level.
   */
  links: Map<number, number>;
}

export interface PolePartial {
  /** What this was computed from: a reloaded pole is a new object, so its partial is computed again. */
  source: PoleSource;
  /** The generation of organisations' levels its links were computed at (see `PolePartials.organisationsChanged`). */
  generation: number;
  spaces: Map<number, SpacePartial>;
  /** The pole's relations of the period alone (for a scope holding none of the pole's spaces with money or partners). */
  relationLinks: Map<number, number>;
  /** What the pole adds to a panorama holding all of its spaces, once computed (see `panoramaFacts`). */
  whole?: PoleTally;
}

/** One pole's share of a panorama: money mobilised, levels present (bits), number of collectivités linked. */
export interface PoleTally {
  mobilisedCents: number;
  levels: number;
  collectivites: number;
}

/** A space's money alone, before its links are added (`withLinks`). */
type SpaceMoney = Omit<SpacePartial, 'links'>;

/** What a partial is computed from: a pole's rollup, partners and relations. */
export interface PoleSource {
  rollup: RollupColumns;
  partners: { space: number; organisation: number }[];
  relations: { organisation: number; year: number }[];
}

/** The conditions on rollup rows (period, statuses, level, project stage), and a key naming them. */
export interface RowFilter {
  key: string;
  statuses: Uint8Array;
  from: number;
  to: number;
  level: number;
  stage: number;
}

export function rowFilter(query: ObservatoryQuery): RowFilter {
  const statuses = new Uint8Array(STATUSES.length);
  for (const status of defaultStatuses(query)) statuses[STATUSES.indexOf(status)] = 1;
  const filter = {
    statuses,
    from: query.from ?? -Infinity,
    to: query.to ?? Infinity,
    level: query.level ? LEVELS.indexOf(query.level) : -1,
    stage: query.projectStage ? STAGES.indexOf(query.projectStage) : -1,
  };
  return { ...filter, key: JSON.stringify([[...statuses], query.from ?? null, query.to ?? null, filter.level, filter.stage]) };
}

/** Whether rollup row `i` is counted under `filter`. */
export function counted(rollup: RollupColumns, i: number, filter: RowFilter): boolean {
  return (
    filter.statuses[rollup.status[i]] === 1 &&
    rollup.year[i] >= filter.from &&
    rollup.year[i] <= filter.to &&
    (filter.level < 0 || rollup.level[i] === filter.level) &&
    (filter.stage < 0 || rollup.stage[i] === filter.stage)
  );
}

const addLink = (links: Map<number, number>, organisation: number, levels: number) => links.set(organisation, (links.get(organisation) ?? 0) | levels);

/**
 * Scratch space shared by every computation of a partial (one at a time: the computation is synchronous): sums by
 * project and by project and level, each with a stamp telling whether the current space already holds it, so a
 * pole's money is summed without a map per space and level.
 */
const scratch = {
  stamp: 0,
  projectStamp: new Int32Array(0),
  projectSum: new Float64Array(0),
  levelStamp: new Int32Array(0),
  levelSum: new Float64Array(0),
  projects: [] as number[],
  byLevel: LEVELS.map(() => [] as number[]),
};

function scratchFor(maxProject: number): typeof scratch {
  if (scratch.projectStamp.length <= maxProject) {
    const size = Math.ceil((maxProject + 1) * 1.5);
    scratch.projectStamp = new Int32Array(size);
    scratch.projectSum = new Float64Array(size);
    scratch.levelStamp = new Int32Array(size * LEVELS.length);
    scratch.levelSum = new Float64Array(size * LEVELS.length);
    scratch.stamp = 0;
  }
  return scratch;
}

/** The money of one space of a pole: rows `rows` (indexes of counted rollup rows of that space). */
function spaceMoney(rollup: RollupColumns, rows: number[], maxProject: number): SpaceMoney {
  const s = scratchFor(maxProject);
  const stamp = (s.stamp += 1);
  s.projects.length = 0;
  for (const list of s.byLevel) list.length = 0;
  const funders = new Map<number, number>();
  let mobilisedCents = 0;
  for (const i of rows) {
    const project = rollup.project[i];
    const level = rollup.level[i];
    const amount = rollup.amountCents[i];
    if (s.projectStamp[project] !== stamp) {
      s.projectStamp[project] = stamp;
      s.projectSum[project] = 0;
      s.projects.push(project);
    }
    s.projectSum[project] += amount;
    const at = project * LEVELS.length + level;
    if (s.levelStamp[at] !== stamp) {
      s.levelStamp[at] = stamp;
      s.levelSum[at] = 0;
      s.byLevel[level].push(project);
    }
    s.levelSum[at] += amount;
    mobilisedCents += amount;
    if (level !== OTHER_LEVEL) addLink(funders, rollup.funder[i], 1 << level);
  }
  return {
    byLevel: s.byLevel.map((projects, level) =>
      projects.length > 0 ? Float64Array.from(projects, (project) => s.levelSum[project * LEVELS.length + level]) : null,
    ),
    perProject: Float64Array.from(s.projects, (project) => s.projectSum[project]),
    mobilisedCents,
    funders,
  };
}

function computePartial(source: PoleSource, filter: RowFilter, collectiviteLevel: (organisation: number) => number, generation: number): PolePartial {
  const { rollup } = source;
  // The counted rows by space (a pole has one space, or a few).
  const rowsOf = new Map<number, number[]>();
  let maxProject = 0;
  for (let i = 0; i < rollup.length; i++) {
    if (!counted(rollup, i, filter)) continue;
    const space = rollup.space[i];
    const rows = rowsOf.get(space);
    if (rows) rows.push(i);
    else rowsOf.set(space, [i]);
    if (rollup.project[i] > maxProject) maxProject = rollup.project[i];
  }
  const money = new Map<number, SpaceMoney>();
  for (const [space, rows] of rowsOf) money.set(space, spaceMoney(rollup, rows, maxProject));
  return withLinks(money, source, filter, collectiviteLevel, generation);
}

const NO_MONEY: SpaceMoney = { byLevel: LEVELS.map(() => null), perProject: new Float64Array(0), mobilisedCents: 0, funders: new Map() };

/**
 * The links of each space (its funders, its projects' partners and the pole's relations of the period, at the
 * organisations' current levels) over partials of money already computed: what a change of an organisation's level
 * recomputes, without reading the money again.
 */
function withLinks(
  money: ReadonlyMap<number, SpaceMoney>,
  source: PoleSource,
  filter: RowFilter,
  collectiviteLevel: (organisation: number) => number,
  generation: number,
): PolePartial {
  const kept = (level: number) => level >= 0 && (filter.level < 0 || level === filter.level);
  const partners = new Map<number, Map<number, number>>();
  for (const p of source.partners) {
    const level = collectiviteLevel(p.organisation);
    if (!kept(level)) continue;
    let links = partners.get(p.space);
    if (!links) partners.set(p.space, (links = new Map()));
    addLink(links, p.organisation, 1 << level);
  }
  const relationLinks = new Map<number, number>();
  for (const r of source.relations) {
    const level = collectiviteLevel(r.organisation);
    if (r.year >= filter.from && r.year <= filter.to && kept(level)) addLink(relationLinks, r.organisation, 1 << level);
  }
  const spaces = new Map<number, SpacePartial>();
  for (const space of new Set([...money.keys(), ...partners.keys()])) {
    const partial = money.get(space) ?? NO_MONEY;
    const spacePartners = partners.get(space);
    // The funders' map serves as the links when nothing is added to it (both are only read from here on).
    let links = partial.funders;
    if (spacePartners || relationLinks.size > 0) {
      links = new Map(partial.funders);
      for (const [organisation, levels] of spacePartners ?? []) addLink(links, organisation, levels);
      for (const [organisation, levels] of relationLinks) addLink(links, organisation, levels);
    }
    spaces.set(space, { ...partial, links });
  }
  return { source, generation, spaces, relationLinks };
}

/** Filters whose partials are kept (the most recently used). */
const MAX_FILTERS = 32;

/**
 * Each pole's counted money per space, kept per set of line filters: after a write only the changed pole's partial
 * is computed again (a few rows), and a figure over 10,000 poles merges partials instead of reading 200,000 rows.
 * A partial computed from a pole's previous facts (identity), or before a level change of an organisation the pole
 * is linked to (generation), is never used.
 */
export class PolePartials {
  private readonly byFilter = new Map<string, Map<string, PolePartial>>();
  /** Bumped by each change of organisations' kinds or levels. */
  private generation = 0;
  /** The generation at which each pole's links last changed through an organisation (absent: never). */
  private readonly linksChangedAt = new Map<string, number>();

  /**
   * The partials kept under `filter` (most recently used first to be kept): `of` gives a pole's partial, computed
   * again when the pole's facts were reloaded or an organisation it is linked to changed level since.
   * `collectiviteLevel` gives each organisation's current collectivité level (-1 when not a collectivité).
   */
  table(filter: RowFilter, collectiviteLevel: (organisation: number) => number): PartialTable {
    let poles = this.byFilter.get(filter.key);
    if (poles) {
      this.byFilter.delete(filter.key);
      this.byFilter.set(filter.key, poles);
    } else {
      this.byFilter.set(filter.key, (poles = new Map()));
      if (this.byFilter.size > MAX_FILTERS) this.byFilter.delete(this.byFilter.keys().next().value as string);
    }
    const kept = poles;
    const generation = this.generation;
    return {
      of: (poleId, source) => {
        let partial = kept.get(poleId);
        if (!partial || partial.source.rollup !== source.rollup) {
          kept.set(poleId, (partial = computePartial(source, filter, collectiviteLevel, generation)));
        } else if (partial.source !== source || partial.generation < (this.linksChangedAt.get(poleId) ?? 0)) {
          kept.set(poleId, (partial = withLinks(partial.spaces, source, filter, collectiviteLevel, generation)));
        }
        return partial;
      },
    };
  }

  /**
   * Organisations changed kind or level, and `poles` are those linked to one of them as a partner or relation: their
   * links are computed again at their next use; every other pole's partials stay (its funders' links use the levels
   * the lines were recorded at).
   */
  organisationsChanged(poles: Iterable<string>): void {
    this.generation += 1;
    for (const poleId of poles) this.linksChangedAt.set(poleId, this.generation);
  }

  /** Forgets a pole gone from the database. */
  forget(poleId: string): void {
    for (const poles of this.byFilter.values()) poles.delete(poleId);
    this.linksChangedAt.delete(poleId);
  }
}

/** The partials of one set of filters (PolePartials.table). */
export interface PartialTable {
  of(poleId: string, source: PoleSource): PolePartial;
}
