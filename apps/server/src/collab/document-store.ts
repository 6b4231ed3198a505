import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import * as Y from 'yjs';
import { type AppendedUpdate, CollabDocumentsRepository } from './collab-documents.repository.js';
import { GroupCommitQueue } from './group-commit.js';

/**
 * Storage of co-edited documents for the live engine: appends are group-committed (one INSERT per round trip, each
 * append settled once the statement holding it has committed); compaction folds the log into the snapshot.
 */
@Injectable()
export class DocumentStore {
  private readonly queue: GroupCommitQueue<AppendedUpdate>;

  constructor(private readonly documents: CollabDocumentsRepository) {
    this.queue = new GroupCommitQueue<AppendedUpdate>((updates) => this.documents.insert(updates));
  }

  /** Snapshot first, then the remaining log in order. */
  load(doc: string): Promise<Uint8Array[]> {
    return this.documents.load(doc);
  }

  /** Settles once the transaction holding the update has committed. */
  append(doc: string, data: Uint8Array): Promise<void> {
    return this.queue.append({ doc, data });
  }

  /** Everything appended before the call is settled. */
  barrier(): Promise<void> {
    return this.queue.barrier();
  }

  drain(): Promise<void> {
    return this.queue.drain();
  }

  /** Folds the log into the snapshot; returns how many updates were folded. */
  compact(doc: string): Promise<number> {
    return this.documents.compact(doc, foldLog);
  }
}

/** Applies the log to the snapshot in a Y.Doc and re-encodes it: linear, unlike merging long logs. */
function foldLog(snapshot: Uint8Array | undefined, log: Uint8Array[]): Uint8Array {
  const ydoc = new Y.Doc({ gc: true });
  ydoc.transact(() => {
    if (snapshot) Y.applyUpdate(ydoc, snapshot);
    for (const update of log) Y.applyUpdate(ydoc, update);
  });
  const merged = Y.encodeStateAsUpdate(ydoc);
  ydoc.destroy();
  return merged;
}

/** The stored state of a document as a Y.Doc (everything acknowledged is in it); reads only, no append queue. */
export async function readStoredDocument(dataSource: DataSource, name: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  for (const update of await new CollabDocumentsRepository(dataSource).load(name)) Y.applyUpdate(doc, update);
  return doc;
}
