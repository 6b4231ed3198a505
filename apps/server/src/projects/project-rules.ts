import type { FunderLevel } from '@concerto/domain';
import { ApiException } from '../common/api-exception.js';

/** The level a funder must be declared at: a collectivité's own level, `other` for any other organisation. */
export function expectedFunderLevel(organisation: { kind: string; level: string | null }): FunderLevel {
  return organisation.kind === 'collectivite' && organisation.level ? (organisation.level as FunderLevel) : 'other';
}

/**
 * Every organisation named must exist: a 400 naming the first unknown one otherwise (`#` in the path is replaced
 * by its index). Returns the organisations found, by id.
 */
export function requireOrganisations<T>(ids: string[], found: Map<string, T>, path: string): Map<string, T> {
  const missing = ids.findIndex((id) => !found.has(id));
  if (missing >= 0)
    throw new ApiException(400, 'organisation_not_found', [
      {
        path: path.replace('#', String(missing)),
        message: 'Unknown organisation',
      },
    ]);
  return found;
}

export interface FunderLevels {
  kind: string;
  level: string | null;
  /** Levels the funder had before, with the year each ended. */
  formerLevels?: { level: string; untilYear: number }[];
}

/**
 * Whether a funding line of `year` may be recorded at this level: the funder's level (see `expectedFunderLevel`), or
 * a level it had until that year or later. A change of level applies to the money of the years after it; lines keep
 * the level they were recorded at, and a space's own export (lines at the level they had) imports again.
 */
export function acceptsFunderLevel(funder: FunderLevels, funderLevel: FunderLevel, year: number | undefined): boolean {
  if (funderLevel === expectedFunderLevel(funder)) return true;
  return year !== undefined && (funder.formerLevels ?? []).some((f) => f.level === funderLevel && year <= f.untilYear);
}

/** The declared level must be consistent with the funder (see `acceptsFunderLevel`). */
export function checkFunderLevel(funder: FunderLevels, funderLevel: FunderLevel, year?: number): void {
  const expected = expectedFunderLevel(funder);
  if (!acceptsFunderLevel(funder, funderLevel, year)) {
    throw new ApiException(400, 'funder_level_mismatch', [{ path: 'funderLevel', message: `Expected ${expected} for this funder` }]);
  }
}
