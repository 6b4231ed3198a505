import type { MessageAck } from '../protocol/events.js';
import { isFinalRefusal } from './retry.js';

/** What the answer to one piece means for the whole edit. */
export type PieceOutcome =
  | { kind: 'acknowledged' }
  | { kind: 'refusedForGood'; refusal: Extract<MessageAck, { ok: false }> }
  | { kind: 'failed'; refusal: Extract<MessageAck, { ok: false }> | undefined }
  | { kind: 'none' };

/**
 * One edit sent in pieces within the frame limit, and the answers to them. It is acknowledged when every piece is;
 * the first failure settles it (the document resyncs); a refusal for good of any piece — even after an earlier
 * failure whose answer was lost — still rolls it back, once.
 */
export class SentEdit {
  private remaining: number;
  private settledFlag = false;
  private rolledBack = false;

  constructor(
    readonly order: number,
    readonly isDiff: boolean,
    readonly pieces: Uint8Array[],
  ) {
    this.remaining = pieces.length;
  }

  get settled(): boolean {
    return this.settledFlag;
  }

  answer(error: Error | null, ack: MessageAck | undefined): PieceOutcome {
    const refusal = ack && !ack.ok ? ack : undefined;
    if (!error && ack?.ok) {
      if (--this.remaining > 0 || this.settledFlag) return { kind: 'none' };
      this.settledFlag = true;
      return { kind: 'acknowledged' };
    }
    if (refusal && isFinalRefusal(refusal.code) && !this.rolledBack) {
      this.rolledBack = true;
      this.settledFlag = true;
      return { kind: 'refusedForGood', refusal };
    }
    if (this.settledFlag) return { kind: 'none' };
    this.settledFlag = true;
    return { kind: 'failed', refusal };
  }

  /** The pieces a refusal of piece `index` leaves unstored: an update is undone whole, a diff from that piece on. */
  refusedFrom(index: number): Uint8Array[] {
    return this.pieces.slice(this.isDiff ? index : 0);
  }
}
