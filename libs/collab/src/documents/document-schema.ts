import type * as Y from 'yjs';

/** Root map of every co-edited document: holds the schema version. */
export const META_KEY = 'meta';
export const SCHEMA_VERSION_KEY = 'schemaVersion';

/**
 * What keys a kind of document holds, at which version, and how to bring an older document up to date.
 * `migrations[n]` turns a version-n document into version n+1; version 0 is an empty document.
 */
export interface DocumentSchema {
  kind: string;
  version: number;
  migrations: Record<number, (doc: Y.Doc) => void>;
}

export function schemaVersionOf(doc: Y.Doc): number {
  const version = doc.getMap(META_KEY).get(SCHEMA_VERSION_KEY);
  return typeof version === 'number' ? version : 0;
}

/**
 * Applies the missing migrations in one transaction (origin `migration`), so their result is an ordinary
 * update that is stored and relayed like any edit. Returns the version the document had.
 * Run by the server when it loads a document, never by clients, so that a structure is created once.
 */
export function migrateDocument(doc: Y.Doc, schema: DocumentSchema): number {
  const from = schemaVersionOf(doc);
  if (from >= schema.version) return from;
  doc.transact(() => {
    for (let version = from; version < schema.version; version++) {
      const migration = schema.migrations[version];
      if (!migration) throw new Error(`${schema.kind}: no migration from version ${version}`);
      migration(doc);
    }
    doc.getMap(META_KEY).set(SCHEMA_VERSION_KEY, schema.version);
  }, 'migration');
  return from;
}
