import { z } from 'zod';
import { CollectiviteLevel, CollectiviteService } from '../vocabulary/collectivite.js';
import { ActivityNature, type GridEntry, Implantation, LegalForm, Perimeter, PoleStage, Sector, StructureKind } from '../vocabulary/pole.js';
import { CooperationSize, SampleField } from '../vocabulary/sample.js';
import { nameText, uuid, visibleText } from './text.js';

/** Each field of the grid in order, with its entry and the values it may take (a vocabulary's keys). */
export const SAMPLE_GRID: readonly { field: SampleField; entry: GridEntry; values: readonly string[]; vocabulary: string }[] = [
  { field: 'collectivite_levels', entry: 'collectivites', values: CollectiviteLevel.keys, vocabulary: CollectiviteLevel.name },
  { field: 'collectivite_services', entry: 'collectivites', values: CollectiviteService.keys, vocabulary: CollectiviteService.name },
  { field: 'legal_form', entry: 'pole', values: LegalForm.keys, vocabulary: LegalForm.name },
  { field: 'stage', entry: 'pole', values: PoleStage.keys, vocabulary: PoleStage.name },
  { field: 'perimeter', entry: 'territory', values: Perimeter.keys, vocabulary: Perimeter.name },
  { field: 'implantation', entry: 'territory', values: Implantation.keys, vocabulary: Implantation.name },
  { field: 'size', entry: 'cooperation', values: CooperationSize.keys, vocabulary: CooperationSize.name },
  { field: 'structure_kinds', entry: 'cooperation', values: StructureKind.keys, vocabulary: StructureKind.name },
  { field: 'sectors', entry: 'economy', values: Sector.keys, vocabulary: Sector.name },
  { field: 'activity_natures', entry: 'economy', values: ActivityNature.keys, vocabulary: ActivityNature.name },
];

/** At most this many poles in a hand-picked set or a saved selection (a study's sample is a few dozen). */
export const MAX_SAMPLE_POLES = 500;

const poleIdList = z
  .array(uuid)
  .max(MAX_SAMPLE_POLES)
  .transform((ids) => [...new Set(ids)]);

/** The set whose coverage is asked: hand-picked poles, or (without `poleIds`) the caller's whole scope. */
export const SampleCoverageRequest = z.strictObject({ poleIds: poleIdList.optional() });
export type SampleCoverageRequest = z.infer<typeof SampleCoverageRequest>;

export const SamplePole = z.object({ id: uuid, name: z.string(), territory: z.string() });
export type SamplePole = z.infer<typeof SamplePole>;

export const SampleCell = z.object({ field: SampleField.schema, value: z.string() });
export type SampleCell = z.infer<typeof SampleCell>;

export const SampleCoverageView = z.object({
  /** Poles in the caller's scope (the poles of their spaces). */
  scopePoleCount: z.number(),
  /** True when the set is the whole scope (no pole picked). */
  wholeScope: z.boolean(),
  /** The poles of the set (hand-picked only; the whole scope is not listed). */
  poles: z.array(SamplePole),
  setPoleCount: z.number(),
  /** Poles named that are not in the caller's scope: ignored, and said so. */
  ignoredPoleIds: z.array(uuid),
  fields: z.array(
    z.object({
      field: SampleField.schema,
      entry: z.string(),
      values: z.array(
        z.object({
          value: z.string(),
          /** Poles of the set with that value. */
          poles: z.number(),
          /** Poles of the whole scope with that value (0: no pole of the scope could fill the gap). */
          scopePoles: z.number(),
        }),
      ),
      /** Poles of the set with nothing filled in for this field. */
      unknown: z.number(),
    }),
  ),
  /** Values no pole of the set covers. */
  gaps: z.array(SampleCell),
  /** Poles of the scope outside the set that would fill gaps, best first (each fills gaps the previous ones leave). */
  suggestions: z.array(z.object({ pole: SamplePole, fills: z.array(SampleCell) })),
});
export type SampleCoverageView = z.infer<typeof SampleCoverageView>;

/** Poles of the caller's scope, searched by name or territory (to pick a set). */
export const SamplePoleSearchQuery = z.strictObject({
  q: nameText(80).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type SamplePoleSearchQuery = z.infer<typeof SamplePoleSearchQuery>;

export const SamplePoleSearchView = z.object({ poles: z.array(SamplePole), total: z.number() });
export type SamplePoleSearchView = z.infer<typeof SamplePoleSearchView>;

/** A named selection of poles, saved by its owner (private to them), usable as a filter of the observatory. */
export const SampleSelectionRequest = z.strictObject({ name: visibleText(2, 120), poleIds: poleIdList });
export type SampleSelectionRequest = z.infer<typeof SampleSelectionRequest>;

export const SampleSelectionSummary = z.object({ id: uuid, name: z.string(), poleCount: z.number(), updatedAt: z.string() });
export type SampleSelectionSummary = z.infer<typeof SampleSelectionSummary>;

export const SampleSelectionView = SampleSelectionSummary.extend({
  /** The selection's poles still in the caller's scope. */
  poles: z.array(SamplePole),
  /** Poles of the selection the caller no longer reads (they left the pole's spaces): kept, ignored by every figure. */
  outOfScopeCount: z.number(),
});
export type SampleSelectionView = z.infer<typeof SampleSelectionView>;
