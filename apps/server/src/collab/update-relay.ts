/** What a relay hands to this process: an update accepted by another process, or "reload from the database". */
export interface RelayReceiver {
  applyRemote(doc: string, update: Uint8Array): void;
  resyncAll(): Promise<void>;
}

/**
 * Shares durable updates between server processes (see RedisRelay). The registry publishes what it stored and
 * listens for what others stored.
 */
export abstract class UpdateRelay {
  abstract publish(doc: string, update: Uint8Array): void;
  abstract listen(receiver: RelayReceiver): void;
  abstract close(): Promise<void>;
}

/** Without Redis: one server process, nothing to share. */
export class SingleProcessRelay extends UpdateRelay {
  publish(): void {
    // No other process to tell.
  }

  listen(): void {
    // Nothing comes from elsewhere.
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
