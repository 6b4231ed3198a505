import { z } from 'zod';
import { FunderLevel } from '../vocabulary/funding.js';
import { LiveMeasure, TestimonyStatus } from '../vocabulary/guide.js';
import { CollectiviteLevel } from '../vocabulary/collectivite.js';
import { Lever, SupportStage } from '../vocabulary/levers.js';
import { fundingYear } from './funding.js';
import { longText, nameText, uniqueList, uuid, visibleText } from './text.js';

/** A collectivité that took part in the initiative, and at which stages. */
export const TestimonyCollectivite = z.strictObject({
  organisationId: uuid,
  stages: uniqueList(SupportStage.schema, 7).pipe(z.array(SupportStage.schema).min(1)),
});
export type TestimonyCollectivite = z.infer<typeof TestimonyCollectivite>;

/** A quote with its author and the author's role (« élue à l'économie, Communauté d'agglomération du Pays de Grasse »). */
export const TestimonyQuote = z.strictObject({
  text: longText(1500).pipe(z.string().min(1)),
  author: visibleText(2, 120),
  role: nameText(200),
});
export type TestimonyQuote = z.infer<typeof TestimonyQuote>;

/**
 * What a live figure reads from the pole's shared projects and their funding lines: a measure, optionally narrowed
 * to one project, one funder level and a year range (funding lines of any status but « requested » count as raised).
 */
export const LiveFigureSource = z.strictObject({
  measure: LiveMeasure.schema,
  projectId: uuid.nullable().default(null),
  funderLevel: FunderLevel.schema.nullable().default(null),
  from: fundingYear.nullable().default(null),
  to: fundingYear.nullable().default(null),
});
export type LiveFigureSource = z.infer<typeof LiveFigureSource>;

/** A key figure: typed by hand (« 45 emplois créés »), or read live from the pole's projects and funding. */
export const TestimonyFigureInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('typed'), label: visibleText(1, 160), value: z.number().finite().min(-1e12).max(1e12), unit: nameText(40) }),
  z.strictObject({ kind: z.literal('live'), label: visibleText(1, 160), source: LiveFigureSource }),
]);
export type TestimonyFigureInput = z.infer<typeof TestimonyFigureInput>;

/** A key figure as shown: a live one carries the value read now (cents for money) and when it was read. */
export const TestimonyFigureView = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('typed'), label: z.string(), value: z.number(), unit: z.string() }),
  z.object({
    kind: z.literal('live'),
    label: z.string(),
    source: LiveFigureSource,
    /** Amounts in cents (measure funding_total), counts otherwise. */
    value: z.number(),
    readAt: z.string(),
  }),
]);
export type TestimonyFigureView = z.infer<typeof TestimonyFigureView>;

const testimonyFields = {
  title: visibleText(3, 200),
  /** The territory as told (« Pays de Grasse »); the pole's own territory when empty. */
  territory: nameText(160),
  collectivites: z.array(TestimonyCollectivite).max(30),
  levers: uniqueList(Lever.schema, 8),
  figures: z.array(TestimonyFigureInput).max(20),
  quotes: z.array(TestimonyQuote).max(20),
};

export const CreateTestimonyRequest = z.strictObject({
  ...testimonyFields,
  territory: testimonyFields.territory.default(''),
  collectivites: testimonyFields.collectivites.default([]),
  levers: testimonyFields.levers.default([]),
  figures: testimonyFields.figures.default([]),
  quotes: testimonyFields.quotes.default([]),
});
export type CreateTestimonyRequest = z.infer<typeof CreateTestimonyRequest>;

/** Changes to a testimony's fields, from the version the editor started from (a stale one is a 409). */
export const UpdateTestimonyRequest = z
  .strictObject({ ...testimonyFields, version: z.int().min(1) })
  .partial()
  .required({ version: true })
  .refine((v) => Object.keys(v).length > 1, { message: 'Nothing to update' });
export type UpdateTestimonyRequest = z.infer<typeof UpdateTestimonyRequest>;

/** Moves a testimony along brouillon → relu → validé (or back); validating is for animateurs. */
export const ChangeTestimonyStatusRequest = z.strictObject({ status: TestimonyStatus.schema, version: z.int().min(1) });
export type ChangeTestimonyStatusRequest = z.infer<typeof ChangeTestimonyStatusRequest>;

const person = z.object({ id: uuid, displayName: z.string() });

export const TestimonyView = z.object({
  id: uuid,
  spaceId: uuid,
  pole: z.object({ id: uuid, name: z.string(), territory: z.string() }),
  title: z.string(),
  territory: z.string(),
  collectivites: z.array(
    z.object({ organisation: z.object({ id: uuid, name: z.string(), level: CollectiviteLevel.schema.nullable() }), stages: z.array(SupportStage.schema) }),
  ),
  levers: z.array(Lever.schema),
  figures: z.array(TestimonyFigureView),
  quotes: z.array(z.object({ text: z.string(), author: z.string(), role: z.string() })),
  status: TestimonyStatus.schema,
  statusChangedBy: person.nullable(),
  statusChangedAt: z.string().nullable(),
  /** The session contribution it was made from (a note marked « Témoignage »), if any. */
  source: z.object({ sessionId: uuid, sessionTitle: z.string(), noteId: z.string() }).nullable(),
  /** Name of the co-edited document holding its story (rich text). */
  storyDocument: z.string(),
  version: z.number(),
  createdBy: person,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TestimonyView = z.infer<typeof TestimonyView>;

/** A session contribution (board note) marked « Témoignage », turned into a testimony in one action. */
export const TestimonyFromContributionRequest = z.strictObject({ noteId: z.string().min(1).max(80) });
export type TestimonyFromContributionRequest = z.infer<typeof TestimonyFromContributionRequest>;
