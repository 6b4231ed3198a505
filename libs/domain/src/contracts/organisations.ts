import { z } from 'zod';
import { CollectiviteLevel } from '../vocabulary/collectivite.js';
import { OrganisationKind } from '../vocabulary/organisation.js';
import { StructureKind } from '../vocabulary/pole.js';
import { nameText, uuid, visibleText } from './text.js';

const base = { name: visibleText(2, 160), territory: nameText(160).optional() };

/** Organisations are typed: a collectivité has a level, a member structure has a kind. */
export const CreateOrganisationRequest = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('collectivite'), collectiviteLevel: CollectiviteLevel.schema, ...base }),
  z.strictObject({ kind: z.literal('ess_network'), ...base }),
  z.strictObject({ kind: z.literal('member_structure'), structureKind: StructureKind.schema, ...base }),
]);
export type CreateOrganisationRequest = z.infer<typeof CreateOrganisationRequest>;

export const UpdateOrganisationRequest = z
  .strictObject({
    name: base.name.optional(),
    territory: base.territory,
    collectiviteLevel: CollectiviteLevel.schema.optional(),
    structureKind: StructureKind.schema.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to update' });
export type UpdateOrganisationRequest = z.infer<typeof UpdateOrganisationRequest>;

export const OrganisationListQuery = z.strictObject({
  kind: OrganisationKind.schema.optional(),
  q: nameText(80).optional(),
});
export type OrganisationListQuery = z.infer<typeof OrganisationListQuery>;

export const OrganisationView = z.object({
  id: uuid,
  kind: OrganisationKind.schema,
  name: z.string(),
  territory: z.string(),
  collectiviteLevel: CollectiviteLevel.schema.nullable(),
  structureKind: StructureKind.schema.nullable(),
});
export type OrganisationView = z.infer<typeof OrganisationView>;
