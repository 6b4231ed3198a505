import * as Y from 'yjs';

/**
 * Updates cut in pieces (a paste) whose answer was lost (no acknowledgement in time) or put off (flood): the server
 * may hold some of their pieces, all of them or none. A paste goes or stays as one: when the diff that carries the
 * rest of it is refused for good, the whole paste is rolled back, pieces already stored included. The server's
 * state vector settles a paste it holds whole; an acknowledged diff settles them all.
 */
export class UnsettledPastes {
  private readonly pastes = new Set<Uint8Array[]>();

  get size(): number {
    return this.pastes.size;
  }

  /** An update whose fate is not known yet; one sent whole (a single piece) has no parts to keep together. */
  add(pieces: Uint8Array[]): void {
    if (pieces.length > 1) this.pastes.add(pieces);
  }

  delete(pieces: Uint8Array[]): void {
    this.pastes.delete(pieces);
  }

  /** Forgets the pastes the server holds whole: its state vector covers every insertion they carry. */
  settleWith(serverVector: Uint8Array): void {
    if (this.pastes.size === 0) return;
    const vector = Y.decodeStateVector(serverVector);
    for (const pieces of this.pastes) {
      const held = pieces.every((piece) => {
        for (const [client, clock] of Y.parseUpdateMeta(piece).to) if ((vector.get(client) ?? 0) < clock) return false;
        return true;
      });
      if (held) this.pastes.delete(pieces);
    }
  }

  /** Every paste is stored: a diff computed after them was acknowledged. */
  clear(): void {
    this.pastes.clear();
  }

  /** Hands over the pastes still unsettled (to roll them back) and forgets them. */
  take(): Uint8Array[][] {
    const pastes = [...this.pastes];
    this.pastes.clear();
    return pastes;
  }
}
