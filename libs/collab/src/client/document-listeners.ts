import type { CollabError } from '../protocol/events.js';
import type { CollabStatus } from './collab-status.js';
import type { DurableListener, ErrorListener, StatusListener } from './collab-transport.js';

/** Who listens to one document: its status (told at once on subscribing), its durable acknowledgements, its errors. */
export class DocumentListeners {
  private readonly statuses = new Set<StatusListener>();
  private readonly errors = new Set<ErrorListener>();
  private readonly durables = new Set<DurableListener>();

  onStatus(listener: StatusListener, current: CollabStatus): () => void {
    this.statuses.add(listener);
    listener(current);
    return () => this.statuses.delete(listener);
  }

  onDurable(listener: DurableListener): () => void {
    this.durables.add(listener);
    return () => this.durables.delete(listener);
  }

  onError(listener: ErrorListener): () => void {
    this.errors.add(listener);
    return () => this.errors.delete(listener);
  }

  /** Resolves when the status is one of `statuses`. */
  waitFor(statuses: CollabStatus[], current: CollabStatus): Promise<CollabStatus> {
    return new Promise((resolve) => {
      let done = false;
      // onStatus calls back at once with the current status: `stop` may not be assigned yet then.
      const stop: () => void = this.onStatus((status) => {
        if (done || !statuses.includes(status)) return;
        done = true;
        resolve(status);
        void Promise.resolve().then(() => stop());
      }, current);
    });
  }

  status(status: CollabStatus): void {
    for (const listener of this.statuses) listener(status);
  }

  durable(savedVersion: number): void {
    for (const listener of this.durables) listener(savedVersion);
  }

  error(error: CollabError): void {
    for (const listener of this.errors) listener(error);
  }

  clear(): void {
    this.statuses.clear();
    this.errors.clear();
    this.durables.clear();
  }
}
