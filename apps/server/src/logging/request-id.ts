import { randomUUID } from 'node:crypto';

/** The id a proxy gave (`X-Request-Id`) when it is a sane token, else a new one. */
export function requestIdFrom(given: unknown): string {
  return typeof given === 'string' && /^[A-Za-z0-9._:-]{8,80}$/.test(given) ? given : randomUUID();
}
