import { DocumentKind } from '../protocol/document-name.js';
import { boardSchema } from './board-doc.js';
import { diagnosticSchema } from './diagnostic-doc.js';
import type { DocumentSchema } from './document-schema.js';
import { guideSchema } from './guide-doc.js';
import { analysisTextSchema, testimonyStorySchema } from './guide-docs.js';
import { projectNotesSchema } from './project-notes-doc.js';

export * from './document-schema.js';
export * from './diagnostic-doc.js';
export * from './board-doc.js';
export * from './project-notes-doc.js';
export * from './guide-docs.js';
export * from './guide-doc.js';
export * from './live-reference.js';
export * from './rich-text-blocks.js';

export const SCHEMAS: Record<DocumentKind, DocumentSchema> = {
  [DocumentKind.diagnostic]: diagnosticSchema,
  [DocumentKind.projectNotes]: projectNotesSchema,
  [DocumentKind.sessionBoard]: boardSchema,
  [DocumentKind.testimonyStory]: testimonyStorySchema,
  [DocumentKind.analysisText]: analysisTextSchema,
  [DocumentKind.guide]: guideSchema,
};
export * from './rich-text.js';
