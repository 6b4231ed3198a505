import type * as Y from 'yjs';
import type { DocumentSchema } from './document-schema.js';

/**
 * Contribution board of a concertation session, version 1 (one board per session, notes grouped by agenda item):
 * - `meta` (Map): `schemaVersion`;
 * - `notes` (Map id → Map `{ itemId, text, authorId, authorName, category, x, y, clusterId, createdAt }`);
 *   `authorId`/`authorName` are empty when the session's notes are anonymous;
 * - `clusters` (Map id → Map `{ itemId, title, x, y }`).
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

export interface BoardNote {
  id: string;
  itemId: string;
  text: string;
  authorId: string;
  authorName: string;
  category: string;
  x: number;
  y: number;
  clusterId: string | null;
  createdAt: number;
}

export interface BoardCluster {
  id: string;
  itemId: string;
  title: string;
  x: number;
  y: number;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** Reads the board defensively: a client may have written anything, the reader gets typed values. */
export function readBoard(doc: Y.Doc): { notes: BoardNote[]; clusters: BoardCluster[] } {
  const notes = [...doc.getMap<Y.Map<unknown>>(BOARD_NOTES).entries()].map(([id, m]) => ({
    id,
    itemId: str(m.get?.('itemId')),
    text: str(m.get?.('text')),
    authorId: str(m.get?.('authorId')),
    authorName: str(m.get?.('authorName')),
    category: str(m.get?.('category')) || 'idea',
    x: num(m.get?.('x')),
    y: num(m.get?.('y')),
    clusterId: str(m.get?.('clusterId')) || null,
    createdAt: num(m.get?.('createdAt')),
  }));
  const clusters = [...doc.getMap<Y.Map<unknown>>(BOARD_CLUSTERS).entries()].map(([id, m]) => ({
    id,
    itemId: str(m.get?.('itemId')),
    title: str(m.get?.('title')),
    x: num(m.get?.('x')),
    y: num(m.get?.('y')),
  }));
  return { notes: notes.sort((a, b) => a.createdAt - b.createdAt), clusters };
}
