import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import * as Y from 'yjs';
import { SCHEMAS, migrateDocument, parseDocumentName } from '@concerto/collab';
import { CollabDocumentsRepository } from './collab-documents.repository.js';
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
    private readonly documents: CollabDocumentsRepository,
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

  /**
   * Deletes a document with what it belongs to (pass the deleting transaction as `db`): the clients that hold it open
   * here are told `document_deleted` (final: they stop rejoining), then its rows go. Clients on other processes lose
   * access at their next access check (what it belongs to is gone).
   */
  async forget(name: string, db?: EntityManager): Promise<void> {
    await this.registry.forget(name);
    this.contributions.forget(name);
    await this.documents.forget(name, db);
  }
}
