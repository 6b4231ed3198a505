import type * as Y from 'yjs';

export interface OfflineCopy {
  /** Resolves once the stored copy has been loaded into the document. */
  whenLoaded: Promise<void>;
  destroy(): Promise<void>;
}

/**
 * Keeps a copy of a document in the browser's IndexedDB (y-indexeddb): edits made offline survive a reload
 * and reach the server through the normal resync when the connection returns. Outside a browser it does
 * nothing (Node clients have no IndexedDB).
 */
export async function attachOfflineCopy(name: string, doc: Y.Doc): Promise<OfflineCopy> {
  if (typeof (globalThis as { indexedDB?: unknown }).indexedDB === 'undefined') return { whenLoaded: Promise.resolve(), destroy: async () => undefined };
  const { IndexeddbPersistence } = await import('y-indexeddb');
  const persistence = new IndexeddbPersistence(`concerto:${name}`, doc);
  return {
    whenLoaded: persistence.whenSynced.then(() => undefined),
    destroy: () => persistence.destroy(),
  };
}
