import type { DocumentSchema } from './document-schema.js';

/**
 * The story of a testimony, version 1: `meta` (Map): `schemaVersion`; `story` (XmlFragment): rich text, co-edited.
 */
export const TESTIMONY_STORY = 'story';

export const testimonyStorySchema: DocumentSchema = {
  kind: 'testimony-story',
  version: 1,
  migrations: {
    0: (doc) => {
      doc.getXmlFragment(TESTIMONY_STORY);
    },
  },
};

/** An analysis chapter, version 1: `meta` (Map): `schemaVersion`; `text` (XmlFragment): rich text, co-edited. */
export const ANALYSIS_TEXT = 'text';

export const analysisTextSchema: DocumentSchema = {
  kind: 'analysis-text',
  version: 1,
  migrations: {
    0: (doc) => {
      doc.getXmlFragment(ANALYSIS_TEXT);
    },
  },
};
