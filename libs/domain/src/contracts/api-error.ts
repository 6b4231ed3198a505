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

/** `/api/health`: `degraded` (and 503) when the database, or Redis when the server uses it, does not answer. */
export const HealthView = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.object({ status: z.enum(['up', 'down']), latencyMs: z.number().nullable(), embedded: z.boolean() }),
  /** `null` when the server runs without Redis (no `REDIS_URL`: a single process). */
  redis: z.object({ status: z.enum(['up', 'down']), latencyMs: z.number().nullable() }).nullable(),
  version: z.string(),
});
export type HealthView = z.infer<typeof HealthView>;
