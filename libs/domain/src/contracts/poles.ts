import { z } from 'zod';
import { CollectiviteLevel, CollectiviteService } from '../vocabulary/collectivite.js';
import { DepartementCode, RegionCode, regionOfDepartement } from '../vocabulary/french-territories.js';
import { ActivityNature, Implantation, LegalForm, Perimeter, PoleStage, Sector, StructureKind } from '../vocabulary/pole.js';
import { longText, nameText, uniqueList, uuid, visibleText } from './text.js';

/** The pole's profile, bound to the five entries of the characterisation grid, plus its territory. */
export const PoleProfile = z.strictObject({
  name: visibleText(2, 160),
  territory: nameText(160),
  /** Where the pole is, for the observatory's map and territory filter (INSEE codes); the région follows the département. */
  regionCode: RegionCode.nullable(),
  departementCode: DepartementCode.nullable(),
  description: longText(4000),
  // Collectivités
  collectiviteLevels: uniqueList(CollectiviteLevel.schema),
  collectiviteServices: uniqueList(CollectiviteService.schema),
  // Pôle
  legalForm: LegalForm.schema.nullable(),
  stage: PoleStage.schema.nullable(),
  // Territoire
  perimeter: Perimeter.schema.nullable(),
  implantation: Implantation.schema.nullable(),
  // Coopération
  memberStructureCount: z.int().min(0).max(100000).nullable(),
  structureKinds: uniqueList(StructureKind.schema),
  // Économie
  sectors: uniqueList(Sector.schema),
  activityNatures: uniqueList(ActivityNature.schema),
  // Key figures (observatory: median profiles and totals)
  foundedYear: z.int().min(1900).max(2200).nullable(),
  cellBudgetCents: z.int().min(0).max(100_000_000_000).nullable(),
  cellSelfFinancedPercent: z.number().min(0).max(100).nullable(),
  cellFte: z.number().min(0).max(10000).nullable(),
  employeeCount: z.int().min(0).max(10_000_000).nullable(),
  consolidatedBudgetCents: z.int().min(0).max(1_000_000_000_000).nullable(),
});
export type PoleProfile = z.infer<typeof PoleProfile>;

export const UpdatePoleProfileRequest = PoleProfile.partial()
  .refine((v) => Object.keys(v).length > 0, {
    message: 'Nothing to update',
  })
  .refine((v) => !v.departementCode || !v.regionCode || regionOfDepartement(v.departementCode) === v.regionCode, {
    message: 'The département is not in that région',
    path: ['departementCode'],
  });
export type UpdatePoleProfileRequest = z.infer<typeof UpdatePoleProfileRequest>;

export const PoleView = PoleProfile.extend({ id: uuid, updatedAt: z.string() });
export type PoleView = z.infer<typeof PoleView>;

/** A pole the caller works on, and whether they may open a new space for it (they facilitate one of its spaces). */
export const PoleChoice = z.object({ id: uuid, name: z.string(), territory: z.string(), canCreateSpace: z.boolean() });
export type PoleChoice = z.infer<typeof PoleChoice>;
