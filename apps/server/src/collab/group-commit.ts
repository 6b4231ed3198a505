/**
 * Batches appends into one INSERT per round trip (group commit): while a batch is being written, new entries
 * wait and leave together with the next one. Each entry's promise settles when the statement that holds it
 * has committed, never before.
 */
interface PendingWrite<T> {
  item: T;
  resolve: () => void;
  reject: (error: unknown) => void;
  /** Resolves when the entry is settled, whatever the outcome (for barriers). */
  settled: Promise<void>;
}

export interface GroupCommitOptions {
  maxBatch: number;
  delayMs: number;
  retries: number;
}

export class GroupCommitQueue<T> {
  private queue: PendingWrite<T>[] = [];
  private flushing: Promise<void> | undefined;
  private scheduled = false;

  constructor(
    private readonly write: (items: T[]) => Promise<void>,
    private readonly options: GroupCommitOptions = { maxBatch: 5000, delayMs: 1, retries: 2 },
  ) {}

  get size(): number {
    return this.queue.length;
  }

  append(item: T): Promise<void> {
    let markSettled!: () => void;
    const settled = new Promise<void>((r) => (markSettled = r));
    return new Promise<void>((resolve, reject) => {
      this.queue.push({
        item,
        settled,
        resolve: () => {
          markSettled();
          resolve();
        },
        reject: (error) => {
          markSettled();
          reject(error);
        },
      });
      this.schedule();
    });
  }

  /** Resolves once everything appended before the call is settled (committed or failed). */
  async barrier(): Promise<void> {
    const last = this.queue[this.queue.length - 1];
    if (last) return last.settled;
    return this.flushing;
  }

  /** Writes what is queued now and waits (for shutdown). */
  async drain(): Promise<void> {
    while (this.queue.length > 0 || this.flushing) {
      this.flushNow();
      await this.flushing;
    }
  }

  private schedule(): void {
    if (this.flushing || this.scheduled) return;
    this.scheduled = true;
    setTimeout(() => {
      this.scheduled = false;
      this.flushNow();
    }, this.options.delayMs);
  }

  private flushNow(): void {
    if (this.flushing || this.queue.length === 0) return;
    const batch = this.queue.splice(0, this.options.maxBatch);
    this.flushing = this.writeWithRetries(batch.map((p) => p.item))
      .then(
        () => batch.forEach((p) => p.resolve()),
        (error: unknown) => batch.forEach((p) => p.reject(error)),
      )
      .finally(() => {
        this.flushing = undefined;
        if (this.queue.length > 0) this.flushNow();
      });
  }

  private async writeWithRetries(items: T[]): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.write(items);
        return;
      } catch (error) {
        if (attempt >= this.options.retries) throw error;
        await new Promise((r) => setTimeout(r, 20 * 2 ** attempt));
      }
    }
  }
}
