import { Injectable } from '@nestjs/common';

export type AccessChangeListener = (spaceId: string, accountId: string) => void | Promise<void>;

/** In-process signal that someone's role in a space changed or was removed (live connections re-check at once). */
@Injectable()
export class AccessChanges {
  private readonly listeners = new Set<AccessChangeListener>();

  subscribe(listener: AccessChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(spaceId: string, accountId: string): void {
    for (const listener of this.listeners) void listener(spaceId, accountId);
  }
}
