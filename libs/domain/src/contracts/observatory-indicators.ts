import { z } from 'zod';
import { ROLLED_UP_INDICATORS } from '../vocabulary/project.js';
import { observatoryFilters, periodInOrder } from './observatory.js';
import { uuid } from './text.js';

export const RolledUpIndicatorSchema = z.enum(ROLLED_UP_INDICATORS);

/**
 * One indicator in one year over the caller's scope. A project's value for a year is its latest measure of that year;
 * a pole's value is the sum of its projects' values; the total is the sum over the scope and the median is the median
 * over the poles that measured the indicator that year (the study's "profil médian").
 */
export const IndicatorYearFigure = z.object({
  year: z.number(),
  total: z.number(),
  medianPerPole: z.number().nullable(),
  /** Poles with at least one project measuring the indicator that year. */
  poles: z.number(),
  /** Projects measuring the indicator that year. */
  projects: z.number(),
});
export type IndicatorYearFigure = z.infer<typeof IndicatorYearFigure>;

export const IndicatorsOverTimeView = z.object({
  period: z.object({ from: z.number().nullable(), to: z.number().nullable() }),
  /** Every rolled-up indicator, in the vocabulary's order, with its years in order (none when never measured). */
  indicators: z.array(
    z.object({
      kind: RolledUpIndicatorSchema,
      /** The figure the study puts first for this indicator (see INDICATOR_HEADLINE). */
      headline: z.enum(['total', 'median']),
      years: z.array(IndicatorYearFigure),
    }),
  ),
});
export type IndicatorsOverTimeView = z.infer<typeof IndicatorsOverTimeView>;

/** One pole's value of an indicator in a year (open data, per pole). */
export const PoleIndicatorRow = z.object({
  poleId: uuid,
  pole: z.string(),
  territory: z.string(),
  kind: RolledUpIndicatorSchema,
  year: z.number(),
  value: z.number(),
  projects: z.number(),
});
export type PoleIndicatorRow = z.infer<typeof PoleIndicatorRow>;

/** The poles' values of one indicator by year, with the observatory's filters; `limit` poles in the French order of their names. */
export const PoleIndicatorsQuery = z
  .strictObject({ ...observatoryFilters, kind: RolledUpIndicatorSchema, limit: z.coerce.number().int().min(1).max(500).default(100) })
  .refine(...periodInOrder);
export type PoleIndicatorsQuery = z.infer<typeof PoleIndicatorsQuery>;

export const PoleIndicatorsView = z.object({
  kind: RolledUpIndicatorSchema,
  /** Poles in scope that measured the indicator over the period. */
  total: z.number(),
  poles: z.array(
    z.object({
      poleId: uuid,
      pole: z.string(),
      territory: z.string(),
      years: z.array(z.object({ year: z.number(), value: z.number(), projects: z.number() })),
    }),
  ),
});
export type PoleIndicatorsView = z.infer<typeof PoleIndicatorsView>;
