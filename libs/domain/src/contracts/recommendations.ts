import { z } from 'zod';
import { FunderLevel } from '../vocabulary/funding.js';
import { RecommendationOrigin, RecommendationStatus } from '../vocabulary/guide.js';
import { Lever, SupportStage } from '../vocabulary/levers.js';
import { sectionId } from './diagnostic.js';
import { longText, uniqueList, uuid, visibleText } from './text.js';

/** Where a recommendation comes from: written directly, a session decision, a vote's result or a diagnostic section. */
export const RecommendationOriginInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('direct') }),
  z.strictObject({ kind: z.literal('session_decision'), decisionId: uuid }),
  z.strictObject({ kind: z.literal('vote_result'), voteId: uuid }),
  z.strictObject({ kind: z.literal('diagnostic_section'), sectionId }),
]);
export type RecommendationOriginInput = z.infer<typeof RecommendationOriginInput>;

const recommendationFields = {
  /** The proposal itself, short (« Renforcer les aides à l'amorçage sur un temps long »). */
  statement: visibleText(3, 300),
  rationale: longText(6000),
  levers: uniqueList(Lever.schema, 8),
  stages: uniqueList(SupportStage.schema, 7),
  /** The levels of collectivité (and funders: État, Europe) it is addressed to. */
  levels: uniqueList(FunderLevel.schema, 8),
  /** Testimonies of the same space that support it. */
  testimonyIds: uniqueList(uuid, 30),
  /** Diagnostic sections of the same space that support it. */
  sectionIds: uniqueList(sectionId, 30),
};

export const CreateRecommendationRequest = z.strictObject({
  statement: recommendationFields.statement,
  rationale: recommendationFields.rationale.default(''),
  levers: recommendationFields.levers.default([]),
  stages: recommendationFields.stages.default([]),
  levels: recommendationFields.levels.default([]),
  testimonyIds: recommendationFields.testimonyIds.default([]),
  sectionIds: recommendationFields.sectionIds.default([]),
  origin: RecommendationOriginInput.default({ kind: 'direct' }),
});
export type CreateRecommendationRequest = z.infer<typeof CreateRecommendationRequest>;

export const UpdateRecommendationRequest = z
  .strictObject({ ...recommendationFields, version: z.int().min(1) })
  .partial()
  .required({ version: true })
  .refine((v) => Object.keys(v).length > 1, { message: 'Nothing to update' });
export type UpdateRecommendationRequest = z.infer<typeof UpdateRecommendationRequest>;

/** proposée → débattue (contributeurs), → retenue / écartée (animateurs, recorded with who and when). */
export const ChangeRecommendationStatusRequest = z.strictObject({ status: RecommendationStatus.schema, version: z.int().min(1) });
export type ChangeRecommendationStatusRequest = z.infer<typeof ChangeRecommendationStatusRequest>;

/** Opens a vote of a live session on a set of recommendations of the session's space (one option each). */
export const RecommendationsVoteRequest = z.strictObject({
  recommendationIds: uniqueList(uuid, 12).pipe(z.array(uuid).min(2)),
  title: visibleText(3, 200),
  kind: z.enum(['dot', 'consent', 'score']),
  agendaItemId: uuid.nullable().default(null),
});
export type RecommendationsVoteRequest = z.infer<typeof RecommendationsVoteRequest>;

/** A session decision or a closed vote of the space, offered as the origin of a new recommendation. */
const OriginChoice = z.object({ id: uuid, sessionId: uuid, sessionTitle: z.string(), label: z.string() });

/** What a new recommendation can come from in its space: its sessions' decisions and closed votes, latest first. */
export const RecommendationOriginChoices = z.object({ decisions: z.array(OriginChoice), votes: z.array(OriginChoice) });
export type RecommendationOriginChoices = z.infer<typeof RecommendationOriginChoices>;

const person = z.object({ id: uuid, displayName: z.string() });

export const RecommendationView = z.object({
  id: uuid,
  spaceId: uuid,
  statement: z.string(),
  rationale: z.string(),
  levers: z.array(Lever.schema),
  stages: z.array(SupportStage.schema),
  levels: z.array(FunderLevel.schema),
  testimonies: z.array(z.object({ id: uuid, title: z.string() })),
  sectionIds: z.array(z.string()),
  /** The same sections with their title in today's diagnostic (null for a section since removed from it). */
  sections: z.array(z.object({ id: z.string(), title: z.string().nullable() })),
  origin: z.object({
    kind: RecommendationOrigin.schema,
    /** What it points at: the decision's text, the vote's title or the section's title, for display. */
    label: z.string().nullable(),
    sessionId: uuid.nullable(),
    refId: z.string().nullable(),
  }),
  status: RecommendationStatus.schema,
  decidedBy: person.nullable(),
  decidedAt: z.string().nullable(),
  /** Votes held on it in sessions, with their result for this recommendation once closed (a sentence, fr and en). */
  votes: z.array(z.object({ voteId: uuid, sessionId: uuid, title: z.string(), closed: z.boolean(), result: z.string().nullable() })),
  version: z.number(),
  createdBy: person,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RecommendationView = z.infer<typeof RecommendationView>;
