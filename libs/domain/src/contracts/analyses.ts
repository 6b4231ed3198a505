import { z } from 'zod';
import { Lever, SupportStage } from '../vocabulary/levers.js';
import { uuid, visibleText } from './text.js';

/** What an analysis chapter is about. */
export const AnalysisScope = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('stage'), stage: SupportStage.schema }),
  z.strictObject({ kind: z.literal('lever'), lever: Lever.schema }),
  z.strictObject({ kind: z.literal('free') }),
]);
export type AnalysisScope = z.infer<typeof AnalysisScope>;

export const CreateAnalysisRequest = z.strictObject({ title: visibleText(3, 200), scope: AnalysisScope });
export type CreateAnalysisRequest = z.infer<typeof CreateAnalysisRequest>;

export const UpdateAnalysisRequest = z
  .strictObject({ title: visibleText(3, 200), scope: AnalysisScope, position: z.int().min(0).max(1000) })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to update' });
export type UpdateAnalysisRequest = z.infer<typeof UpdateAnalysisRequest>;

/** A co-edited rich-text chapter; its text lives in the co-edited document `document`. */
export const AnalysisView = z.object({
  id: uuid,
  spaceId: uuid,
  title: z.string(),
  scope: AnalysisScope,
  position: z.number(),
  document: z.string(),
  createdBy: z.object({ id: uuid, displayName: z.string() }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AnalysisView = z.infer<typeof AnalysisView>;
