import {
  GuideReferenceAttributes,
  type ChangedEntity,
  type GuideReferenceFilter,
  type GuideReferenceKind,
  type Lever,
  type SupportStage,
} from '@concerto/domain';

/** The kinds offered by the insert dialog, in its order (`analysis`, one chapter, is offered too). */
export const INSERTABLE_KINDS: readonly GuideReferenceKind[] = [
  'funding_table',
  'panorama',
  'poles',
  'testimonies',
  'testimony',
  'recommendations',
  'recommendation',
  'analyses',
  'analysis',
];

/** The kinds that point at one item (`target`), chosen in a picker. */
export const TARGETED_KINDS: ReadonlySet<GuideReferenceKind> = new Set(['testimony', 'recommendation', 'analysis']);
/** The kinds a stage or lever may narrow. */
export const FILTERED_KINDS: ReadonlySet<GuideReferenceKind> = new Set(['testimonies', 'recommendations', 'analyses']);
/** The kinds bounded by a year range. */
export const YEAR_KINDS: ReadonlySet<GuideReferenceKind> = new Set(['funding_table', 'panorama']);

/** What the insert dialog holds: strings as typed or chosen (empty when not set). */
export interface ReferenceChoices {
  kind: GuideReferenceKind;
  /** The picked testimony, recommendation or analysis. */
  target: string;
  /** '' (none), 'stage' or 'lever'. */
  filterBy: '' | 'stage' | 'lever';
  stage: SupportStage | '';
  lever: Lever | '';
  from: string;
  to: string;
}

export const emptyChoices = (kind: GuideReferenceKind = 'funding_table'): ReferenceChoices => ({
  kind,
  target: '',
  filterBy: '',
  stage: '',
  lever: '',
  from: '',
  to: '',
});

/** Why the choices do not make a reference yet, by field (keys of `guide.reference.errors`). */
export type ChoiceError = 'targetMissing' | 'stageMissing' | 'leverMissing' | 'yearInvalid' | 'yearsOrder';

export type BuiltReference =
  { ok: true; attributes: GuideReferenceAttributes } | { ok: false; errors: Partial<Record<'target' | 'filter' | 'from' | 'to', ChoiceError>> };

const YEAR = /^\d{4}$/;

function year(text: string): number | null | 'invalid' {
  const value = text.trim();
  if (value === '') return null;
  if (!YEAR.test(value)) return 'invalid';
  const n = Number(value);
  return n >= 1900 && n <= 2100 ? n : 'invalid';
}

/**
 * The attributes of the `liveReference` node the dialog's choices describe: only what the kind uses is kept (a
 * year range on a testimony is dropped), absent values are left out, and the result is checked against the contract.
 */
export function buildReference(choices: ReferenceChoices): BuiltReference {
  const { kind } = choices;
  const errors: Partial<Record<'target' | 'filter' | 'from' | 'to', ChoiceError>> = {};
  const attributes: GuideReferenceAttributes = { kind };
  if (TARGETED_KINDS.has(kind)) {
    if (!choices.target) errors.target = 'targetMissing';
    else attributes.target = choices.target;
  }
  if (FILTERED_KINDS.has(kind) && choices.filterBy) {
    const filter = filterOf(choices);
    if (filter) attributes.filter = filter;
    else errors.filter = choices.filterBy === 'stage' ? 'stageMissing' : 'leverMissing';
  }
  if (YEAR_KINDS.has(kind)) {
    const from = year(choices.from);
    const to = year(choices.to);
    if (from === 'invalid') errors.from = 'yearInvalid';
    if (to === 'invalid') errors.to = 'yearInvalid';
    if (typeof from === 'number' && typeof to === 'number' && from > to) errors.to = 'yearsOrder';
    if (typeof from === 'number') attributes.from = from;
    if (typeof to === 'number') attributes.to = to;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const parsed = GuideReferenceAttributes.safeParse(attributes);
  return parsed.success ? { ok: true, attributes: parsed.data } : { ok: false, errors: { target: 'targetMissing' } };
}

function filterOf(choices: ReferenceChoices): GuideReferenceFilter | null {
  if (choices.filterBy === 'stage' && choices.stage) return `stage:${choices.stage}`;
  if (choices.filterBy === 'lever' && choices.lever) return `lever:${choices.lever}`;
  return null;
}

/**
 * The attributes of a node as Tiptap holds them (null for an absent one, numbers possibly as strings after an HTML
 * paste) back into a reference, or null when they do not make a valid one (the node view then says so).
 */
export function referenceOfNode(attrs: Record<string, unknown>): GuideReferenceAttributes | null {
  const candidate: Record<string, unknown> = {};
  for (const key of ['kind', 'target', 'filter', 'from', 'to'] as const) {
    const value = attrs[key];
    if (value === null || value === undefined || value === '') continue;
    candidate[key] = (key === 'from' || key === 'to') && typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  }
  const parsed = GuideReferenceAttributes.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}

/** The query string of `GET …/guide/reference` for a reference, in a fixed order (also its cache key). */
export function referenceQuery(reference: GuideReferenceAttributes): string {
  const params = new URLSearchParams({ kind: reference.kind });
  if (reference.target) params.set('target', reference.target);
  if (reference.filter) params.set('filter', reference.filter);
  if (reference.from !== undefined) params.set('from', String(reference.from));
  if (reference.to !== undefined) params.set('to', String(reference.to));
  return params.toString();
}

/** The parts a label of a reference is made of, worded by the caller (`guide.reference.*` strings). */
export interface ReferenceLabelParts {
  kind: GuideReferenceKind;
  filter: { by: 'stage' | 'lever'; key: string } | null;
  years: { from: number | null; to: number | null } | null;
}

export function labelParts(reference: GuideReferenceAttributes): ReferenceLabelParts {
  const filter = reference.filter
    ? { by: reference.filter.startsWith('stage:') ? ('stage' as const) : ('lever' as const), key: reference.filter.split(':')[1] }
    : null;
  const hasYears = reference.from !== undefined || reference.to !== undefined;
  return { kind: reference.kind, filter, years: hasYears ? { from: reference.from ?? null, to: reference.to ?? null } : null };
}

/** What the values of references are read from: a notice about any of them refreshes every reference of the space. */
const SOURCES: ReadonlySet<ChangedEntity> = new Set<ChangedEntity>([
  'testimony',
  'recommendation',
  'analysis',
  'project',
  'funding_line',
  'relation',
  'pole',
  'space',
]);
/** The kinds that show rich text of the space (an analysis'), which a `guide` notice may have changed. */
export const TEXT_KINDS: ReadonlySet<GuideReferenceKind> = new Set(['analyses', 'analysis']);

/**
 * Which live references a change notice of their space makes stale: all of them for a change of what they read, those
 * showing analyses for a `guide` notice (the guide's text or an analysis' text changed), none for anything else (a
 * version frozen, a comment, a session…).
 */
export function staleReferences(entity: ChangedEntity): 'all' | 'text' | 'none' {
  if (SOURCES.has(entity)) return 'all';
  return entity === 'guide' ? 'text' : 'none';
}
