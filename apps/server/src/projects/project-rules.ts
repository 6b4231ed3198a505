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

/** The declared level must be consistent with the funder (see `expectedFunderLevel`). */
export function checkFunderLevel(funder: { kind: string; level: string | null }, funderLevel: FunderLevel): void {
  const expected = expectedFunderLevel(funder);
  if (expected !== funderLevel) {
    throw new ApiException(400, 'funder_level_mismatch', [{ path: 'funderLevel', message: `Expected ${expected} for this funder` }]);
  }
}
