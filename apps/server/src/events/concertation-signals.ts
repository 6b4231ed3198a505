import { Injectable, Logger } from '@nestjs/common';

/** A live concertation session was closed and its minutes saved. */
export interface ConcertationSessionClosed {
  spaceId: string;
  sessionId: string;
  title: string;
  /** Whether an agenda item of the session worked on a section of the space's diagnostic. */
  diagnosticWorkedOn: boolean;
  /** Who closed it. */
  accountId: string;
}

export type SessionClosedListener = (event: ConcertationSessionClosed) => void | Promise<void>;

/**
 * In-process signals between domain areas that must not import each other's services: the sessions area
 * announces a closed session; the diagnostic area saves a version of the diagnostic when it was worked on.
 * Listeners run after the emitter's transaction has committed; a failing listener is logged, never thrown back.
 */
@Injectable()
export class ConcertationSignals {
  private readonly logger = new Logger(ConcertationSignals.name);
  private readonly sessionClosedListeners = new Set<SessionClosedListener>();

  onSessionClosed(listener: SessionClosedListener): () => void {
    this.sessionClosedListeners.add(listener);
    return () => this.sessionClosedListeners.delete(listener);
  }

  /** Resolves once every listener has finished (so that a test or a response can rely on their effects). */
  async sessionClosed(event: ConcertationSessionClosed): Promise<void> {
    await Promise.all(
      [...this.sessionClosedListeners].map(async (listener) => {
        try {
          await listener(event);
        } catch (error) {
          this.logger.error(`session-closed listener failed for ${event.sessionId}: ${String(error)}`);
        }
      }),
    );
  }
}
