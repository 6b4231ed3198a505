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
}

interface PolePartial {
  /** The pole's rollup this was computed from: a reloaded pole has a new one, so its partial is computed again. */
  source: RollupColumns;
  spaces: Map<number, SpacePartial>;
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

function computePartial(rollup: RollupColumns, filter: RowFilter): PolePartial {
  const building = new Map<
    number,
    { byLevel: (Map<number, number> | null)[]; perProject: Map<number, number>; mobilisedCents: number; funders: Map<number, number> }
  >();
  for (let i = 0; i < rollup.length; i++) {
    if (!counted(rollup, i, filter)) continue;
    let space = building.get(rollup.space[i]);
    if (!space) building.set(rollup.space[i], (space = { byLevel: LEVELS.map(() => null), perProject: new Map(), mobilisedCents: 0, funders: new Map() }));
    const level = rollup.level[i];
    const project = rollup.project[i];
    const amount = rollup.amountCents[i];
    const projects = (space.byLevel[level] ??= new Map());
    projects.set(project, (projects.get(project) ?? 0) + amount);
    space.perProject.set(project, (space.perProject.get(project) ?? 0) + amount);
    space.mobilisedCents += amount;
    if (level !== OTHER_LEVEL) space.funders.set(rollup.funder[i], (space.funders.get(rollup.funder[i]) ?? 0) | (1 << level));
  }
  const spaces = new Map<number, SpacePartial>();
  for (const [space, b] of building) {
    spaces.set(space, {
      byLevel: b.byLevel.map((projects) => (projects ? Float64Array.from(projects.values()) : null)),
      perProject: Float64Array.from(b.perProject.values()),
      mobilisedCents: b.mobilisedCents,
      funders: b.funders,
    });
  }
  return { source: rollup, spaces };
}

/** Filters whose partials are kept (the most recently used). */
const MAX_FILTERS = 32;

/**
 * Each pole's counted money per space, kept per set of line filters: after a write only the changed pole's partial
 * is computed again (a few rows), and a figure over 10,000 poles merges partials instead of reading 200,000 rows.
 * A partial computed from a pole's previous rollup is never used (identity of the rollup it came from).
 */
export class PolePartials {
  private readonly byFilter = new Map<string, Map<string, PolePartial>>();

  /** The pole's partials per space under `filter`. */
  of(poleId: string, rollup: RollupColumns, filter: RowFilter): Map<number, SpacePartial> {
    let poles = this.byFilter.get(filter.key);
    if (poles) {
      this.byFilter.delete(filter.key);
      this.byFilter.set(filter.key, poles);
    } else {
      this.byFilter.set(filter.key, (poles = new Map()));
      if (this.byFilter.size > MAX_FILTERS) this.byFilter.delete(this.byFilter.keys().next().value as string);
    }
    let partial = poles.get(poleId);
    if (!partial || partial.source !== rollup) poles.set(poleId, (partial = computePartial(rollup, filter)));
    return partial.spaces;
  }

  /** Forgets a pole gone from the database. */
  forget(poleId: string): void {
    for (const poles of this.byFilter.values()) poles.delete(poleId);
  }
}
