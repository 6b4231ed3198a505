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

interface Building {
  byLevel: (Map<number, number> | null)[];
  perProject: Map<number, number>;
  mobilisedCents: number;
  funders: Map<number, number>;
}

function computePartial(source: PoleSource, filter: RowFilter, collectiviteLevel: (organisation: number) => number, generation: number): PolePartial {
  const { rollup } = source;
  const building = new Map<number, Building>();
  const spaceOf = (space: number): Building => {
    let b = building.get(space);
    if (!b) building.set(space, (b = { byLevel: LEVELS.map(() => null), perProject: new Map(), mobilisedCents: 0, funders: new Map() }));
    return b;
  };
  for (let i = 0; i < rollup.length; i++) {
    if (!counted(rollup, i, filter)) continue;
    const space = spaceOf(rollup.space[i]);
    const level = rollup.level[i];
    const project = rollup.project[i];
    const amount = rollup.amountCents[i];
    const projects = (space.byLevel[level] ??= new Map());
    projects.set(project, (projects.get(project) ?? 0) + amount);
    space.perProject.set(project, (space.perProject.get(project) ?? 0) + amount);
    space.mobilisedCents += amount;
    if (level !== OTHER_LEVEL) addLink(space.funders, rollup.funder[i], 1 << level);
  }
  const money = new Map<number, SpacePartial>();
  for (const [space, b] of building) {
    money.set(space, {
      byLevel: b.byLevel.map((projects) => (projects ? Float64Array.from(projects.values()) : null)),
      perProject: Float64Array.from(b.perProject.values()),
      mobilisedCents: b.mobilisedCents,
      funders: b.funders,
      links: b.funders,
    });
  }
  return withLinks(money, source, filter, collectiviteLevel, generation);
}

const NO_MONEY: Omit<SpacePartial, 'links'> = { byLevel: LEVELS.map(() => null), perProject: new Float64Array(0), mobilisedCents: 0, funders: new Map() };

/**
 * The links of each space (its funders, its projects' partners and the pole's relations of the period, at the
 * organisations' current levels) over partials of money already computed: what a change of an organisation's level
 * recomputes, without reading the money again.
 */
function withLinks(
  money: Map<number, SpacePartial>,
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
    const partial = money.get(space) ?? { ...NO_MONEY, links: NO_MONEY.funders };
    const links = new Map(partial.funders);
    for (const [organisation, levels] of partners.get(space) ?? []) addLink(links, organisation, levels);
    for (const [organisation, levels] of relationLinks) addLink(links, organisation, levels);
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
