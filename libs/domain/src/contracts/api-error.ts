import { z } from 'zod';
import { ErrorCode } from '../vocabulary/errors.js';

/** Body of every 4xx/5xx answer of the API. */
export const ApiErrorBody = z.object({
  statusCode: z.number(),
  code: ErrorCode.schema,
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  /** A refused CSV import carries its report. */
  report: z.unknown().optional(),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

/** `/api/health` (liveness): the process is up and answers; no dependency is asked, so always `ok` and 200. */
export const LivenessView = z.object({
  status: z.literal('ok'),
  version: z.string(),
  /** Seconds since the process started. */
  uptimeS: z.number(),
});
export type LivenessView = z.infer<typeof LivenessView>;

/**
 * `/api/health/ready` (readiness): `degraded` (and 503) when the database, or Redis when the server uses it, does not
 * answer; `down` names them.
 */
export const ReadinessView = z.object({
  status: z.enum(['ok', 'degraded']),
  down: z.array(z.enum(['database', 'redis'])),
  database: z.object({ status: z.enum(['up', 'down']), latencyMs: z.number().nullable(), embedded: z.boolean() }),
  /** `null` when the server runs without Redis (no `REDIS_URL`: a single process). */
  redis: z.object({ status: z.enum(['up', 'down']), latencyMs: z.number().nullable() }).nullable(),
  version: z.string(),
});
export type ReadinessView = z.infer<typeof ReadinessView>;
