import type { DocumentSchema } from './document-schema.js';

/**
 * Notes and journal of a shared project, version 1:
 * - `meta` (Map): `schemaVersion`;
 * - `notes` (XmlFragment): rich-text notes;
 * - `journal` (Array of Map `{ at, authorId, text }`).
 */
export const PROJECT_NOTES = 'notes';
export const PROJECT_JOURNAL = 'journal';

export const projectNotesSchema: DocumentSchema = {
  kind: 'project-notes',
  version: 1,
  migrations: {
    0: (doc) => {
      doc.getXmlFragment(PROJECT_NOTES);
      doc.getArray(PROJECT_JOURNAL);
    },
  },
};
