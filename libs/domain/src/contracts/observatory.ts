import { z } from 'zod';
import { RelationEvolution } from '../vocabulary/collectivite.js';
import { DepartementCode, RegionCode } from '../vocabulary/french-territories.js';
import { FunderLevel, FundingStatus, MOBILISED_FUNDING_STATUSES } from '../vocabulary/funding.js';
import { Implantation, PoleStage, Sector } from '../vocabulary/pole.js';
import { ProjectStage } from '../vocabulary/project.js';
import { FIRST_FUNDING_YEAR } from './funding.js';
import { nameText, uuid } from './text.js';

const year = z.coerce.number().int().min(FIRST_FUNDING_YEAR).max(2200);
const commaList = <K extends string>(item: z.ZodEnum<{ [P in K]: P }>) =>
  z
    .string()
    .max(200)
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).min(1));

export const periodInOrder: [(q: { from?: number; to?: number }) => boolean, { message: string; path: string[] }] = [
  (q) => q.from === undefined || q.to === undefined || q.from <= q.to,
  { message: 'from must not be after to', path: ['to'] },
];

/** Period and filters of every observatory figure; all optional. */
export const observatoryFilters = {
  from: year.optional(),
  to: year.optional(),
  /** Part of the pole's territory name, case-insensitive. */
  territory: nameText(80).optional(),
  /** Poles of one région, or of one département (INSEE codes), as set by a click on the map. */
  region: RegionCode.optional(),
  departement: DepartementCode.optional(),
  poleStage: PoleStage.schema.optional(),
  projectStage: ProjectStage.schema.optional(),
  implantation: Implantation.schema.optional(),
  sector: Sector.schema.optional(),
  /** Collectivité (funder) level. */
  level: FunderLevel.schema.optional(),
  /** Funding statuses counted; secured and paid (the money mobilised) by default. */
  statuses: commaList(FundingStatus.schema).optional(),
  /** Restrict to the poles of one of the caller's saved sample selections (another's is 404). */
  selectionId: uuid.optional(),
  /** Restrict to one space the caller belongs to. */
  spaceId: uuid.optional(),
  /** Restrict to some of the spaces the caller belongs to (comma-separated ids; others count nothing). */
  spaceIds: z
    .string()
    .max(4000)
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(uuid).min(1).max(100))
    .optional(),
};
export const ObservatoryQuery = z.strictObject(observatoryFilters).refine(...periodInOrder);
export type ObservatoryQuery = z.infer<typeof ObservatoryQuery>;

export const defaultStatuses = (query: ObservatoryQuery) => query.statuses ?? [...MOBILISED_FUNDING_STATUSES];

export const FundingTableRow = z.object({
  level: FunderLevel.schema,
  /** Sum of the amounts in euro cents. */
  totalCents: z.number(),
  /** Projects that received at least one counted funding line of that level. */
  projectCount: z.number(),
  /** Median over those projects of the amount each received from that level over the period (cents). */
  medianCents: z.number().nullable(),
});
export type FundingTableRow = z.infer<typeof FundingTableRow>;

export const FundingTableView = z.object({
  period: z.object({ from: z.number().nullable(), to: z.number().nullable() }),
  rows: z.array(FundingTableRow),
  total: z.object({ totalCents: z.number(), projectCount: z.number(), medianCents: z.number().nullable() }),
});
export type FundingTableView = z.infer<typeof FundingTableView>;

/** An exact median and the number of values it was computed from. */
export const MedianFigure = z.object({ median: z.number().nullable(), count: z.number() });
export type MedianFigure = z.infer<typeof MedianFigure>;

export const RelationCounts = z.object({ widening: z.number(), stable: z.number(), weakening: z.number() });
export type RelationCounts = z.infer<typeof RelationCounts>;

export const PanoramaView = z.object({
  totals: z.object({
    poles: z.number(),
    jobs: z.number(),
    enterprises: z.number(),
    consolidatedBudgetCents: z.number(),
    mobilisedCents: z.number(),
  }),
  cellProfile: z.object({ ageYears: MedianFigure, budgetCents: MedianFigure, selfFinancedPercent: MedianFigure, fte: MedianFigure }),
  poleProfile: z.object({ memberStructures: MedianFigure, employees: MedianFigure, consolidatedBudgetCents: MedianFigure }),
  /** Share of poles linked to at least one collectivité or funder of each level. */
  levelPresence: z.array(z.object({ level: FunderLevel.schema, poles: z.number(), share: z.number().nullable() })),
  /** How many poles are linked to n collectivités, for every n seen. */
  collectiviteCounts: z.array(z.object({ collectivites: z.number(), poles: z.number() })),
  twoToSixShare: z.number().nullable(),
  medianCollectivites: z.number().nullable(),
  relations: z.object({
    total: RelationCounts.extend({ pairs: z.number() }),
    byYear: z.array(RelationCounts.extend({ year: z.number() })),
    weakeningCauses: z.array(z.object({ cause: z.string(), count: z.number() })),
  }),
});
export type PanoramaView = z.infer<typeof PanoramaView>;

export const ExportFormat = z.enum(['csv', 'json']);
export const ObservatoryDataset = z.enum(['funding', 'panorama', 'funding_lines', 'indicators', 'indicators_by_pole']);
export type ObservatoryDataset = z.infer<typeof ObservatoryDataset>;
/** Open-data download of a dataset, with the same filters. */
export const ObservatoryExportQuery = z
  .strictObject({ ...observatoryFilters, dataset: ObservatoryDataset, format: ExportFormat.default('csv') })
  .refine(...periodInOrder);
export type ObservatoryExportQuery = z.infer<typeof ObservatoryExportQuery>;

/** A relation of a collectivité with the space's pole in one year. */
export const CreateRelationRequest = z
  .strictObject({
    organisationId: uuid,
    year: z.int().min(FIRST_FUNDING_YEAR).max(2200),
    evolution: RelationEvolution.schema,
    cause: nameText(200).default(''),
  })
  .refine((v) => v.evolution !== 'weakening' || v.cause.length >= 2, {
    message: 'A weakening needs its cause (e.g. elections, territorial reform)',
    path: ['cause'],
  });
export type CreateRelationRequest = z.infer<typeof CreateRelationRequest>;

export const RelationView = z.object({
  id: uuid,
  organisation: z.object({ id: uuid, name: z.string(), collectiviteLevel: z.string().nullable() }),
  year: z.number(),
  evolution: RelationEvolution.schema,
  cause: z.string(),
});
export type RelationView = z.infer<typeof RelationView>;
