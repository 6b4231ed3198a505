import { Injectable } from '@nestjs/common';

/** The server's clock: every participant's timer is computed from it (replaceable in tests). */
@Injectable()
export class SessionClock {
  now(): number {
    return Date.now();
  }
}
