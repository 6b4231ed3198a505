import type { PoleProfile, PoleView } from '@concerto/domain';
import { centsToEuroText, parseDecimal, parseEuroAmount } from '../../ui/format';

type ListKey = 'collectiviteLevels' | 'collectiviteServices' | 'structureKinds' | 'sectors' | 'activityNatures';
type ChoiceKey = 'legalForm' | 'stage' | 'perimeter' | 'implantation' | 'regionCode' | 'departementCode';

/** The pole profile as edited in the form: single choices use '' for "not specified", the count is text. */
export type PoleFormValues = Pick<PoleProfile, 'name' | 'territory' | 'description' | ListKey> & {
  [K in ChoiceKey]: NonNullable<PoleProfile[K]> | '';
} & { memberStructureCount: string } & { [K in KeyFigure]: string };

/** Key figures of the pole (observatory): typed as text, euros in euros; all optional. */
export const KEY_FIGURES = ['foundedYear', 'cellBudgetCents', 'cellSelfFinancedPercent', 'cellFte', 'employeeCount', 'consolidatedBudgetCents'] as const;
type KeyFigure = (typeof KEY_FIGURES)[number];
const EURO_FIGURES: readonly KeyFigure[] = ['cellBudgetCents', 'consolidatedBudgetCents'];
const DECIMAL_FIGURES: readonly KeyFigure[] = ['cellSelfFinancedPercent', 'cellFte'];

export const isEuroFigure = (field: string) => (EURO_FIGURES as readonly string[]).includes(field);

function figureText(field: KeyFigure, value: number | null | undefined, language: string): string {
  if (value === null || value === undefined) return '';
  if (EURO_FIGURES.includes(field)) return centsToEuroText(value, language);
  if (DECIMAL_FIGURES.includes(field)) return new Intl.NumberFormat(language, { maximumFractionDigits: 2, useGrouping: false }).format(value);
  return String(value);
}

/** The API value of a key figure: null when empty, NaN when the text is not a number (the schema refuses it). */
function figureValue(field: KeyFigure, text: string): number | null {
  if (text.trim() === '') return null;
  if (EURO_FIGURES.includes(field)) return parseEuroAmount(text) ?? Number.NaN;
  if (DECIMAL_FIGURES.includes(field)) return parseDecimal(text);
  return /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
}

/** Key figures whose text cannot be read as a number. */
export function unreadableFigures(values: PoleFormValues): KeyFigure[] {
  return KEY_FIGURES.filter((field) => Number.isNaN(figureValue(field, values[field])));
}

export const POLE_FIELDS = [
  'name',
  'territory',
  'regionCode',
  'departementCode',
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
  ...KEY_FIGURES,
] as const satisfies readonly (keyof PoleFormValues)[];

export function toFormValues(pole: PoleView, language = 'fr'): PoleFormValues {
  return {
    name: pole.name,
    territory: pole.territory,
    regionCode: pole.regionCode ?? '',
    departementCode: pole.departementCode ?? '',
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
    ...(Object.fromEntries(KEY_FIGURES.map((field) => [field, figureText(field, pole[field], language)])) as Record<KeyFigure, string>),
  };
}

const CHOICE_KEYS: readonly ChoiceKey[] = ['legalForm', 'stage', 'perimeter', 'implantation', 'regionCode', 'departementCode'];

/** The API value of one form field (empty choices and counts become null). */
function apiValue(values: PoleFormValues, field: (typeof POLE_FIELDS)[number]): unknown {
  const value = values[field];
  if (field === 'memberStructureCount') {
    const text = values.memberStructureCount.trim();
    return text === '' ? null : Number(text);
  }
  if ((KEY_FIGURES as readonly string[]).includes(field)) return figureValue(field as KeyFigure, value as string);
  if (CHOICE_KEYS.includes(field as ChoiceKey)) {
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
