import { Injectable, Logger } from '@nestjs/common';
import { CollabContributionsRepository, type Contribution } from './collab-contributions.repository.js';

export type EditListener = (doc: string, accountId: string) => void;

const FLUSH_EVERY_MS = 5000;

/**
 * Who edits which document: noted in memory on the hot path, written to `collab_contribution` in one statement
 * every few seconds (and on demand), and told to in-process listeners (e.g. automatic versions).
 */
@Injectable()
export class ContributionTracker {
  private readonly logger = new Logger('Contributions');
  private pending = new Map<string, Set<string>>();
  private readonly listeners = new Set<EditListener>();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly contributions: CollabContributionsRepository) {
    this.timer = setInterval(() => void this.flush().catch((e: unknown) => this.logger.warn(`flush failed: ${String(e)}`)), FLUSH_EVERY_MS);
    this.timer.unref();
  }

  onEdited(listener: EditListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  noted(doc: string, accountId: string): void {
    let accounts = this.pending.get(doc);
    if (!accounts) this.pending.set(doc, (accounts = new Set()));
    accounts.add(accountId);
    for (const listener of this.listeners) listener(doc, accountId);
  }

  /** A deleted document: its edits not yet written are dropped. */
  forget(doc: string): void {
    this.pending.delete(doc);
  }

  async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    const edits: Contribution[] = [];
    for (const [doc, ids] of batch) for (const accountId of ids) edits.push({ doc, accountId });
    await this.contributions.record(edits);
  }

  close(): void {
    clearInterval(this.timer);
  }
}
