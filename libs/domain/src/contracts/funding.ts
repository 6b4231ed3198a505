import { z } from 'zod';
import { FunderLevel, FundingKind, FundingStatus } from '../vocabulary/funding.js';
import { nameText, uuid } from './text.js';

export const FIRST_FUNDING_YEAR = 1990;
/** Plausible years: from the first PTCEs' predecessors to a few years of commitments ahead. */
export const lastFundingYear = (now = new Date()) => now.getUTCFullYear() + 10;

/** Euro amounts are integer cents; at most 1 billion euros per line. */
export const amountCents = z.int().positive().max(100_000_000_000);

export const fundingYear = z
  .int()
  .min(FIRST_FUNDING_YEAR)
  .refine((year) => year <= lastFundingYear(), { message: 'Implausible year' });

const fundingFields = {
  funderId: uuid,
  funderLevel: FunderLevel.schema,
  year: fundingYear,
  amountCents,
  kind: FundingKind.schema,
  instrument: nameText(120),
  status: FundingStatus.schema,
};

export const CreateFundingLineRequest = z.strictObject({
  ...fundingFields,
  instrument: fundingFields.instrument.default(''),
  status: fundingFields.status.default('requested'),
});
export type CreateFundingLineRequest = z.infer<typeof CreateFundingLineRequest>;

export const UpdateFundingLineRequest = z
  .strictObject({ version: z.int().min(1), ...fundingFields })
  .partial()
  .required({ version: true })
  .refine((v) => Object.keys(v).length > 1, { message: 'Nothing to update' });
export type UpdateFundingLineRequest = z.infer<typeof UpdateFundingLineRequest>;

export const FundingLineView = z.object({
  id: uuid,
  projectId: uuid,
  funder: z.object({ id: uuid, name: z.string() }),
  funderLevel: FunderLevel.schema,
  year: z.number(),
  amountCents: z.number(),
  kind: FundingKind.schema,
  instrument: z.string(),
  status: FundingStatus.schema,
  version: z.number(),
  updatedAt: z.string(),
});
export type FundingLineView = z.infer<typeof FundingLineView>;
