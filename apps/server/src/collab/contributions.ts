import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';

export type EditListener = (doc: string, accountId: string) => void;

/**
 * Who edits which document: noted in memory on the hot path, written to `collab_contribution` in one statement
 * every few seconds (and on demand), and told to in-process listeners (e.g. automatic versions).
 */
export class ContributionTracker {
  private readonly logger = new Logger('Contributions');
  private pending = new Map<string, Set<string>>();
  private readonly listeners = new Set<EditListener>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    flushEveryMs = 5000,
  ) {
    this.timer = setInterval(() => void this.flush().catch((e: unknown) => this.logger.warn(`flush failed: ${String(e)}`)), flushEveryMs);
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

  async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    const docs: string[] = [];
    const accounts: string[] = [];
    for (const [doc, ids] of batch) {
      for (const id of ids) {
        docs.push(doc);
        accounts.push(id);
      }
    }
    await this.dataSource.query(
      `INSERT INTO collab_contribution (doc, account_id) SELECT unnest($1::text[]), unnest($2::uuid[])
       ON CONFLICT (doc, account_id) DO UPDATE SET last_edit_at = now()`,
      [docs, accounts],
    );
  }

  close(): void {
    clearInterval(this.timer);
  }
}
