import type { DocumentSchema } from './document-schema.js';

/**
 * Contribution board of a concertation session, version 1:
 * - `meta` (Map): `schemaVersion`;
 * - `notes` (Map id → Map `{ text, authorId, category, x, y, clusterId }`);
 * - `clusters` (Map id → Map `{ title, x, y }`).
 */
export const BOARD_NOTES = 'notes';
export const BOARD_CLUSTERS = 'clusters';

export const boardSchema: DocumentSchema = {
  kind: 'session-board',
  version: 1,
  migrations: {
    0: (doc) => {
      doc.getMap(BOARD_NOTES);
      doc.getMap(BOARD_CLUSTERS);
    },
  },
};
