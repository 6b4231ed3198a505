import { z } from 'zod';
import { CollectiviteLevel } from '../vocabulary/collectivite.js';
import { RecommendationStatus, TestimonyStatus } from '../vocabulary/guide.js';
import { Lever, SupportStage } from '../vocabulary/levers.js';
import type { FundingTableView, PanoramaView } from './observatory.js';
import { nameText, uuid, visibleText } from './text.js';

/**
 * The guide d'appui of a space: a co-edited document (`space/<id>/guide`, sections like the diagnostic's) whose rich
 * text may hold live references (the `liveReference` node). Every output — the editor's preview, a frozen version,
 * the DOCX, the PDF, the public page, the cross-pole guide — renders one resolved `GuideView`, in which each
 * reference has been replaced by the values it pointed at when the view was built (`readAt`).
 */

/** What a live reference points at. */
export const GuideReferenceKind = z.enum([
  /** The territory and its poles, from the characterisation grid (the space's pole). */
  'poles',
  /** The observatory's funding table (« Repères ») for the space's scope over a year range, as a table and a chart. */
  'funding_table',
  /** The panorama's key figures for the space's scope. */
  'panorama',
  /** The validated testimonies, optionally those about one stage or one lever (`filter`). */
  'testimonies',
  /** One testimony (`target`), whatever its status. */
  'testimony',
  /** The retained recommendations, optionally those about one stage or one lever (`filter`). */
  'recommendations',
  /** One recommendation (`target`). */
  'recommendation',
  /** Every analysis chapter, or those about one stage or one lever (`filter`). */
  'analyses',
  /** One analysis chapter (`target`). */
  'analysis',
]);
export type GuideReferenceKind = z.infer<typeof GuideReferenceKind>;

/** `stage:<SupportStage key>` or `lever:<Lever key>`. */
export const GuideReferenceFilter = z.union([z.templateLiteral(['stage:', SupportStage.schema]), z.templateLiteral(['lever:', Lever.schema])]);
export type GuideReferenceFilter = z.infer<typeof GuideReferenceFilter>;

/**
 * The attributes of a `liveReference` node (an atom block of the rich-text schema), as stored in the Yjs document;
 * absent attributes are not stored. `from`/`to` bound the years of `funding_table` and `panorama`.
 */
export const GuideReferenceAttributes = z.strictObject({
  kind: GuideReferenceKind,
  target: uuid.optional(),
  filter: GuideReferenceFilter.optional(),
  from: z.int().min(1900).max(2100).optional(),
  to: z.int().min(1900).max(2100).optional(),
});
export type GuideReferenceAttributes = z.infer<typeof GuideReferenceAttributes>;

/** A run of inline text (no HTML: renderers escape it). */
export const GuideRun = z.object({ text: z.string(), bold: z.boolean(), italic: z.boolean(), href: z.string().nullable() });
export type GuideRun = z.infer<typeof GuideRun>;

export type GuideBlock =
  | { type: 'heading'; level: 1 | 2 | 3 | 4; runs: GuideRun[] }
  | { type: 'paragraph'; runs: GuideRun[] }
  | { type: 'list'; ordered: boolean; items: GuideBlock[][] }
  | { type: 'quote'; blocks: GuideBlock[] }
  | { type: 'code'; text: string }
  | { type: 'rule' }
  | { type: 'table'; rows: { header: boolean; cells: GuideRun[][] }[] }
  | { type: 'reference'; reference: ResolvedReference };

/** A testimony as the guide shows it. */
export const GuideTestimony = z.object({
  id: uuid,
  title: z.string(),
  status: TestimonyStatus.schema,
  pole: z.object({ name: z.string(), territory: z.string() }),
  collectivites: z.array(z.object({ name: z.string(), level: CollectiviteLevel.schema.nullable(), stages: z.array(SupportStage.schema) })),
  levers: z.array(Lever.schema),
  story: z.array(z.lazy((): z.ZodType<GuideBlock> => GuideBlockSchema)),
  /** Typed figures and live ones; `readAt` is when a live one was read. */
  figures: z.array(z.object({ label: z.string(), value: z.number(), unit: z.string(), readAt: z.string().nullable() })),
  quotes: z.array(z.object({ text: z.string(), author: z.string(), role: z.string() })),
});
export type GuideTestimony = z.infer<typeof GuideTestimony>;

export const GuideRecommendation = z.object({
  id: uuid,
  statement: z.string(),
  rationale: z.string(),
  status: RecommendationStatus.schema,
  levers: z.array(Lever.schema),
  stages: z.array(SupportStage.schema),
  levels: z.array(z.string()),
  /** Titles of the supporting testimonies. */
  testimonies: z.array(z.string()),
  /** Titles of the supporting diagnostic sections (those still in the diagnostic). */
  sections: z.array(z.string()).default([]),
  /** Who decided, and when (ISO), for a retained or set-aside one. */
  decided: z.object({ by: z.string(), at: z.string() }).nullable(),
  /** In a cross-pole guide, the pole it comes from (the renderers name it); absent in a space's own guide. */
  space: z.string().optional(),
});
export type GuideRecommendation = z.infer<typeof GuideRecommendation>;

export const GuidePole = z.object({
  name: z.string(),
  territory: z.string(),
  /** The grid's entries, each already worded in the view's language (« Périmètre » → « Intercommunal »). */
  facts: z.array(z.object({ label: z.string(), value: z.string() })),
});
export type GuidePole = z.infer<typeof GuidePole>;

export type ResolvedReference =
  | { kind: 'poles'; readAt: string; poles: GuidePole[] }
  | { kind: 'funding_table'; readAt: string; table: FundingTableView }
  | { kind: 'panorama'; readAt: string; panorama: PanoramaView }
  | { kind: 'testimonies' | 'testimony'; readAt: string; filter: GuideReferenceFilter | null; testimonies: GuideTestimony[] }
  | { kind: 'recommendations' | 'recommendation'; readAt: string; filter: GuideReferenceFilter | null; recommendations: GuideRecommendation[] }
  | { kind: 'analyses' | 'analysis'; readAt: string; filter: GuideReferenceFilter | null; analyses: { id: string; title: string; blocks: GuideBlock[] }[] }
  /** The target was deleted, or is not readable by whoever built the view: nothing of it is shown. */
  | { kind: 'missing'; readAt: string };

const run = GuideRun;
export const GuideBlockSchema: z.ZodType<GuideBlock> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('heading'), level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]), runs: z.array(run) }),
    z.object({ type: z.literal('paragraph'), runs: z.array(run) }),
    z.object({ type: z.literal('list'), ordered: z.boolean(), items: z.array(z.array(GuideBlockSchema)) }),
    z.object({ type: z.literal('quote'), blocks: z.array(GuideBlockSchema) }),
    z.object({ type: z.literal('code'), text: z.string() }),
    z.object({ type: z.literal('rule') }),
    z.object({ type: z.literal('table'), rows: z.array(z.object({ header: z.boolean(), cells: z.array(z.array(run)) })) }),
    z.object({ type: z.literal('reference'), reference: z.custom<ResolvedReference>((v) => typeof v === 'object' && v !== null && 'kind' in v) }),
  ]),
) as z.ZodType<GuideBlock>;

/** The kinds of section of a guide's skeleton (the study's structure), and `custom` for those added by hand. */
export const GuideSectionKind = z.enum(['territory', 'stages', 'levers', 'testimonies', 'analyses', 'recommendations', 'figures', 'custom']);
export type GuideSectionKind = z.infer<typeof GuideSectionKind>;

export const GuideSectionView = z.object({ id: z.string(), kind: GuideSectionKind, title: z.string(), blocks: z.array(GuideBlockSchema) });
export type GuideSectionView = z.infer<typeof GuideSectionView>;

/** A guide resolved for reading or export: live (`frozenAt` null) or a version (values as they were at `frozenAt`). */
export const GuideView = z.object({
  title: z.string(),
  /** The space, or the spaces of a cross-pole guide. */
  spaces: z.array(z.object({ id: uuid, name: z.string() })),
  builtAt: z.string(),
  frozenAt: z.string().nullable(),
  versionName: z.string().nullable(),
  sections: z.array(GuideSectionView),
});
export type GuideView = z.infer<typeof GuideView>;

/** Freezes the guide as it reads now: its text and the values of every reference, with the date. */
export const CreateGuideVersionRequest = z.strictObject({ name: visibleText(1, 120) });
export type CreateGuideVersionRequest = z.infer<typeof CreateGuideVersionRequest>;

export const GuideVersionSummary = z.object({
  id: uuid,
  name: z.string(),
  createdAt: z.string(),
  createdBy: z.object({ id: uuid, displayName: z.string() }).nullable(),
  published: z.boolean(),
});
export type GuideVersionSummary = z.infer<typeof GuideVersionSummary>;

/** The public link of a space's guide: a version frozen when published, readable signed out until withdrawn. */
export const GuidePublicationView = z.object({
  url: z.string(),
  token: z.string(),
  versionId: uuid,
  publishedAt: z.string(),
  publishedBy: z.object({ id: uuid, displayName: z.string() }).nullable(),
});
export type GuidePublicationView = z.infer<typeof GuidePublicationView>;

export const PublishGuideRequest = z.strictObject({ title: nameText(200).optional() });
export type PublishGuideRequest = z.infer<typeof PublishGuideRequest>;

/** The guide as a file: `GET /api/spaces/:spaceId/guide/export?format=docx|pdf&versionId=…` (today's guide without a version). */
export const GuideExportQuery = z.strictObject({ format: z.enum(['docx', 'pdf']), versionId: uuid.optional(), lang: z.enum(['fr', 'en']).optional() });
export type GuideExportQuery = z.infer<typeof GuideExportQuery>;

/** Preview of one reference while editing: `GET /api/spaces/:spaceId/guide/reference?kind=…&target=…&filter=…&from=…&to=…`. */
export const GuideReferenceQuery = z.strictObject({
  kind: GuideReferenceKind,
  target: uuid.optional(),
  filter: GuideReferenceFilter.optional(),
  from: z.coerce.number().int().min(1900).max(2100).optional(),
  to: z.coerce.number().int().min(1900).max(2100).optional(),
});
export type GuideReferenceQuery = z.infer<typeof GuideReferenceQuery>;

/**
 * The cross-pole guide of an observatory user: `GET /api/observatory/guide?spaceIds=…`, some of the spaces they belong
 * to (at least one; every one when omitted).
 */
const crossPoleSpaces = {
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
export const CrossPoleGuideQuery = z.strictObject(crossPoleSpaces);
export type CrossPoleGuideQuery = z.infer<typeof CrossPoleGuideQuery>;

/** The cross-pole guide as a file: `GET /api/observatory/guide/export?format=docx|pdf&spaceIds=…`. */
export const CrossPoleGuideExportQuery = z.strictObject({ ...crossPoleSpaces, format: z.enum(['docx', 'pdf']), lang: z.enum(['fr', 'en']).optional() });
export type CrossPoleGuideExportQuery = z.infer<typeof CrossPoleGuideExportQuery>;
