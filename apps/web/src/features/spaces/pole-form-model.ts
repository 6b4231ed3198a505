import type { PoleProfile, PoleView } from '@concerto/domain';

type ListKey = 'collectiviteLevels' | 'collectiviteServices' | 'structureKinds' | 'sectors' | 'activityNatures';
type ChoiceKey = 'legalForm' | 'stage' | 'perimeter' | 'implantation';

/** The pole profile as edited in the form: single choices use '' for "not specified", the count is text. */
export type PoleFormValues = Pick<PoleProfile, 'name' | 'territory' | 'description' | ListKey> & {
  [K in ChoiceKey]: NonNullable<PoleProfile[K]> | '';
} & { memberStructureCount: string };

export const POLE_FIELDS = [
  'name',
  'territory',
  'description',
  'collectiviteLevels',
  'collectiviteServices',
  'legalForm',
  'stage',
  'perimeter',
  'implantation',
  'memberStructureCount',
  'structureKinds',
  'sectors',
  'activityNatures',
] as const satisfies readonly (keyof PoleFormValues)[];

export function toFormValues(pole: PoleView): PoleFormValues {
  return {
    name: pole.name,
    territory: pole.territory,
    description: pole.description,
    collectiviteLevels: pole.collectiviteLevels,
    collectiviteServices: pole.collectiviteServices,
    legalForm: pole.legalForm ?? '',
    stage: pole.stage ?? '',
    perimeter: pole.perimeter ?? '',
    implantation: pole.implantation ?? '',
    memberStructureCount: pole.memberStructureCount === null ? '' : String(pole.memberStructureCount),
    structureKinds: pole.structureKinds,
    sectors: pole.sectors,
    activityNatures: pole.activityNatures,
  };
}

/** The API value of one form field (empty choices and counts become null). */
function apiValue(values: PoleFormValues, field: (typeof POLE_FIELDS)[number]): unknown {
  const value = values[field];
  if (field === 'memberStructureCount') {
    const text = values.memberStructureCount.trim();
    return text === '' ? null : Number(text);
  }
  if (field === 'legalForm' || field === 'stage' || field === 'perimeter' || field === 'implantation') {
    return value === '' ? null : value;
  }
  return value;
}

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v) => b.includes(v));
  return a === b;
}

/**
 * Only the fields changed since `baseline`, as an `UpdatePoleProfileRequest` candidate, so that
 * two members editing different entries at once do not overwrite each other.
 */
export function changedFields(values: PoleFormValues, baseline: PoleFormValues): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const field of POLE_FIELDS) {
    if (!same(values[field], baseline[field])) changes[field] = apiValue(values, field);
  }
  return changes;
}
