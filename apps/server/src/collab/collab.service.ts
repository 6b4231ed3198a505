import { Injectable } from '@nestjs/common';
import * as Y from 'yjs';
import { SCHEMAS, migrateDocument, parseDocumentName } from '@concerto/collab';
import { ContributionTracker } from './contributions.js';
import { DocumentRegistry } from './document-registry.js';
import { DocumentStore } from './document-store.js';

/**
 * Co-edited documents for the rest of the server: their current state, changes made by the server (restoring a
 * version), and who edits them.
 */
@Injectable()
export class CollabService {
  constructor(
    private readonly registry: DocumentRegistry,
    private readonly store: DocumentStore,
    readonly contributions: ContributionTracker,
  ) {}

  /**
   * The document's current state: the live copy when loaded here (it holds everything applied), else what is stored.
   */
  async currentState(name: string): Promise<Y.Doc> {
    const live = this.registry.get(name);
    if (!live) {
      // What a joiner would get: the stored state, with its schema (a new document's template) applied in memory.
      const stored = new Y.Doc();
      for (const update of await this.store.load(name)) Y.applyUpdate(stored, update);
      const ref = parseDocumentName(name);
      if (ref) migrateDocument(stored, SCHEMAS[ref.kind]);
      return stored;
    }
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(live.doc));
    return copy;
  }

  /**
   * A change made by the server (restoring a version): applied to the live document in one transaction, relayed
   * to every client like an edit, stored, and durable when this resolves.
   */
  async change(name: string, edit: (doc: Y.Doc) => void): Promise<void> {
    const ref = parseDocumentName(name);
    if (!ref) throw new Error(`not a document name: ${name}`);
    const live = await this.registry.acquire(ref);
    try {
      live.doc.transact(() => edit(live.doc), { kind: 'server' });
      await this.registry.durable();
      if (live.failed) throw new Error(`storing ${name} failed`);
    } finally {
      this.registry.release(live);
    }
  }
}
