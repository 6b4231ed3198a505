import { z } from 'zod';
import { SectionStatus, VersionKind } from '../vocabulary/diagnostic.js';
import { longText, uuid, visibleText } from './text.js';

/** Section ids are those of the Yjs diagnostic document (`grid-territory`, `lever-pedagogy`, custom ids…). */
export const sectionId = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[A-Za-z0-9_-]+$/);

/** Self-assessment (0 to 4, with a short justification) and status of a section: relational, queryable data. */
export const UpdateSectionStateRequest = z
  .strictObject({
    score: z.int().min(0).max(4).nullable(),
    justification: longText(1000),
    status: SectionStatus.schema,
    /** The version the editor started from (0 for a section never assessed); a stale one is a 409. */
    version: z.int().min(0),
  })
  .partial()
  .required({ version: true })
  .refine((v) => Object.keys(v).length > 1, { message: 'Nothing to update' });
export type UpdateSectionStateRequest = z.infer<typeof UpdateSectionStateRequest>;

export const SectionStateView = z.object({
  sectionId: z.string(),
  score: z.number().nullable(),
  justification: z.string(),
  status: SectionStatus.schema,
  version: z.number(),
  updatedAt: z.string().nullable(),
  updatedBy: z.object({ id: uuid, displayName: z.string() }).nullable(),
  openComments: z.number(),
});
export type SectionStateView = z.infer<typeof SectionStateView>;

/** A section of today's diagnostic (not archived), in the document's order: for choosing it elsewhere (a recommendation's support). */
export const DiagnosticOutlineEntry = z.object({ id: z.string(), kind: z.string(), title: z.string() });
export type DiagnosticOutlineEntry = z.infer<typeof DiagnosticOutlineEntry>;

export const DiagnosticSettings = z.strictObject({ observersCanComment: z.boolean() });
export type DiagnosticSettings = z.infer<typeof DiagnosticSettings>;

/**
 * Where a comment is attached: Yjs relative positions (`Y.encodeRelativePosition`, base64) of the start and end
 * of the passage in the section's rich text, so the anchor follows the text as it changes; `quote` is the
 * passage as it was when commented.
 */
export const CommentAnchor = z.strictObject({
  start: z.base64().max(1024),
  end: z.base64().max(1024),
  quote: longText(500),
});
export type CommentAnchor = z.infer<typeof CommentAnchor>;

export const CreateCommentRequest = z.union([
  z.strictObject({ sectionId, anchor: CommentAnchor, body: longText(4000).pipe(z.string().min(1)), mentions: z.array(uuid).max(20).default([]) }),
  z.strictObject({ parentId: uuid, body: longText(4000).pipe(z.string().min(1)), mentions: z.array(uuid).max(20).default([]) }),
]);
export type CreateCommentRequest = z.infer<typeof CreateCommentRequest>;

export const UpdateCommentRequest = z.union([z.strictObject({ resolved: z.boolean() }), z.strictObject({ body: longText(4000).pipe(z.string().min(1)) })]);
export type UpdateCommentRequest = z.infer<typeof UpdateCommentRequest>;

export const CommentView = z.object({
  id: uuid,
  sectionId: z.string(),
  /** Null for a thread's first comment; replies point to it. */
  parentId: uuid.nullable(),
  anchor: CommentAnchor.nullable(),
  body: z.string(),
  author: z.object({ id: uuid, displayName: z.string() }).nullable(),
  mentions: z.array(z.object({ id: uuid, displayName: z.string() })),
  resolvedAt: z.string().nullable(),
  resolvedBy: z.object({ id: uuid, displayName: z.string() }).nullable(),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
});
export type CommentView = z.infer<typeof CommentView>;

export const CreateVersionRequest = z.strictObject({ name: visibleText(2, 200) });
export type CreateVersionRequest = z.infer<typeof CreateVersionRequest>;

export const VersionView = z.object({
  id: uuid,
  name: z.string(),
  kind: VersionKind.schema,
  createdAt: z.string(),
  createdBy: z.object({ id: uuid, displayName: z.string() }).nullable(),
  contributors: z.array(z.object({ id: uuid, displayName: z.string() })),
});
export type VersionView = z.infer<typeof VersionView>;

/** A section of a version as plain blocks (read-only view and comparison). */
export const VersionSection = z.object({
  id: z.string(),
  title: z.string(),
  archived: z.boolean(),
  /** Markdown of the section's rich text, links restricted to http(s) and mailto. */
  markdown: z.string(),
});

export const VersionContent = VersionView.extend({ sections: z.array(VersionSection) });
export type VersionContent = z.infer<typeof VersionContent>;

/** What changed in one section between a version and today, as runs of words kept, added or removed. */
export const SectionDiff = z.object({
  id: z.string(),
  title: z.string(),
  change: z.enum(['unchanged', 'changed', 'added', 'removed']),
  runs: z.array(z.object({ op: z.enum(['same', 'added', 'removed']), text: z.string() })),
});
export const VersionComparison = z.object({ version: VersionView, sections: z.array(SectionDiff) });
export type VersionComparison = z.infer<typeof VersionComparison>;

/** `lang` picks the document's language (downloads are plain links: they cannot choose Accept-Language). */
export const DiagnosticExportQuery = z.strictObject({ format: z.enum(['md', 'docx']).default('md'), lang: z.enum(['fr', 'en']).optional() });
