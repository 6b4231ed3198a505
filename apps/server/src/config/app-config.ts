import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** Folder that holds nx.json: the project root, wherever the code runs from (src under jest, dist in production). */
export function findProjectRoot(from = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  while (!existsSync(join(dir, 'nx.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

const flag = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');
const positiveInt = z.coerce.number().int().positive();

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().optional(),
  EMBEDDED_DB_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  PUBLIC_URL: z.string().url().optional(),
  ALLOWED_ORIGINS: z.string().optional(),
  TRUST_PROXY: z.string().min(1).optional(),
  SESSION_TTL_HOURS: positiveInt.default(24 * 14),
  SIGNIN_MAX_FAILURES_PER_ACCOUNT: positiveInt.default(5),
  SIGNIN_MAX_FAILURES_PER_ACCOUNT_ALL_ADDRESSES: positiveInt.default(100),
  SIGNIN_MAX_FAILURES_PER_ADDRESS: positiveInt.default(20),
  SIGNIN_WINDOW_MINUTES: positiveInt.default(15),
  INVITATION_TTL_DAYS: positiveInt.default(30),
  SEED_DEMO: flag.default(true),
  WEB_DIST: z.string().optional(),
  LOG_SQL: flag.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_PRETTY: flag.optional(),
  REDIS_URL: z.string().url().optional(),
  COLLAB_MAX_FRAME_BYTES: positiveInt.default(1024 * 1024),
  COLLAB_MESSAGES_PER_SECOND: positiveInt.default(200),
  COLLAB_BURST: positiveInt.default(400),
  COLLAB_MAX_CLIENTS_PER_DOCUMENT: positiveInt.default(500),
  COLLAB_MAX_DOCUMENTS_PER_CONNECTION: positiveInt.default(50),
  COLLAB_MAX_CONNECTIONS_PER_ACCOUNT: positiveInt.default(10),
  COLLAB_MAX_DOCUMENT_BYTES: positiveInt.default(16 * 1024 * 1024),
  COLLAB_IDLE_UNLOAD_MS: positiveInt.default(30_000),
  COLLAB_COMPACT_EVERY: positiveInt.default(500),
  COLLAB_ACCESS_CHECK_MS: positiveInt.default(3000),
  COLLAB_RELAY_INTERVAL_MS: z.coerce.number().int().min(0).max(1000).default(10),
  DIAGNOSTIC_AUTOSAVE_QUIET_MS: positiveInt.default(120_000),
  GUIDE_EXPORT_THREADS: positiveInt.default(1),
  GUIDE_EXPORT_MAX_QUEUE: positiveInt.default(8),
  GUIDE_EXPORT_TIMEOUT_MS: positiveInt.default(60_000),
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().min(3).default('Concerto <concerto@localhost>'),
  MAIL_MAX_ATTEMPTS: positiveInt.default(5),
  MAIL_RETRY_BASE_MS: positiveInt.default(30_000),
  MAIL_POLL_MS: positiveInt.default(1000),
  PASSWORD_RESET_TTL_MINUTES: positiveInt.default(30),
  /** How often the reminders and the digest are looked for (0: never, tests tick by hand). */
  NOTIFICATION_SCHEDULE_MS: z.coerce.number().int().min(0).default(300_000),
  /** Sent mails are deleted from the outbox this many days after they were sent. */
  MAIL_RETENTION_DAYS: positiveInt.default(30),
  /** Read notifications are deleted this many days after they were made. */
  NOTIFICATION_RETENTION_DAYS: positiveInt.default(90),
});

/** How many failed sign-ins are allowed before 429 (see auth/sign-in-limiter.ts). */
export interface SignInLimits {
  /** Failures for one account from one address: the low limit, which an attacker elsewhere cannot use up. */
  maxFailuresPerAccountAndAddress: number;
  /** Failures for one account from all addresses together: the ceiling against guessing from many addresses. */
  maxFailuresPerAccount: number;
  /** Failures from one address, all accounts together: against trying many accounts. */
  maxFailuresPerAddress: number;
  windowMs: number;
}

export interface AppConfig {
  port: number;
  host: string;
  /** Set when a PostgreSQL server is given; otherwise the embedded one is started. */
  databaseUrl: string | undefined;
  dataDir: string;
  embeddedDbPort: number;
  publicUrl: string;
  allowedOrigins: string[];
  /** Express `trust proxy`: which direct peers' X-Forwarded-For / X-Forwarded-Proto are believed. */
  trustProxy: string;
  /**
   * Whether the operator set TRUST_PROXY, i.e. vouches that the peers it trusts are their own proxies. Unset, the
   * default `loopback` still serves https detection and recorded addresses, but any local process could claim any
   * X-Forwarded-For: sign-in throttling then also counts the connection's own address.
   */
  trustProxyDeclared: boolean;
  sessionTtlMs: number;
  signIn: SignInLimits;
  invitationTtlMs: number;
  seedDemo: boolean;
  webDist: string;
  logSql: boolean;
  /** Structured logs (pino): the least level written; one JSON line per request at `info`. */
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Human-readable logs (development); JSON lines otherwise. */
  logPretty: boolean;
  /** Set when several server processes share live documents. */
  redisUrl: string | undefined;
  collab: {
    maxFrameBytes: number;
    messagesPerSecond: number;
    burst: number;
    maxClientsPerDocument: number;
    maxDocumentsPerConnection: number;
    /** Connections of one account on one document (tabs, devices). */
    maxConnectionsPerAccount: number;
    /** Largest encoded size of a document; an update that would pass it is refused. */
    maxDocumentBytes: number;
    idleUnloadMs: number;
    compactEvery: number;
    accessCheckMs: number;
    relayIntervalMs: number;
  };
  /** A diagnostic quiet this long after edits gets an automatic version. */
  diagnosticAutosaveQuietMs: number;
  /** The guide's DOCX/PDF exports, rendered in worker threads (guide/render/export-pool.ts). */
  guideExport: {
    /** Threads rendering at the same time. */
    threads: number;
    /** Exports waiting for a thread; one more is answered 503 `export_busy`. */
    maxQueue: number;
    /** An export taking longer is stopped and answered 503 `export_busy`. */
    timeoutMs: number;
  };
  /** Outgoing mail (mail/): the durable queue in PostgreSQL and its worker. */
  mail: {
    /** SMTP server (`smtp://user:pass@host:587`, `smtps://…`); unset, mail stays in the outbox table (`mail_message`). */
    smtpUrl: string | undefined;
    /** The From header of every mail. */
    from: string;
    /** Attempts before a message is marked failed. */
    maxAttempts: number;
    /** Delay before the first retry; doubled at each attempt. */
    retryBaseMs: number;
    /** How often the worker looks for due messages. */
    pollMs: number;
    /** Whether the links of each message are logged (development: the demo works without a mail server). */
    logLinks: boolean;
  };
  /** How long a password reset link stays valid. */
  passwordResetTtlMs: number;
  /** How often the reminders and the digest are looked for (0: never). */
  notificationScheduleMs: number;
  /** How long sent mails and read notifications are kept (the hourly purge, `RetentionPurge`). */
  retention: { mailDays: number; notificationDays: number };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${details}`);
  }
  const e = parsed.data;
  const root = findProjectRoot();
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  const defaultOrigins = [publicUrl, `http://localhost:${e.PORT}`, `http://127.0.0.1:${e.PORT}`];
  const extraOrigins = (e.ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim().replace(/\/$/, ''))
    .filter(Boolean);
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: resolve(root, e.DATA_DIR ?? '.data'),
    embeddedDbPort: e.EMBEDDED_DB_PORT,
    publicUrl,
    allowedOrigins: [...new Set([...defaultOrigins, ...extraOrigins])],
    trustProxy: e.TRUST_PROXY ?? 'loopback',
    trustProxyDeclared: e.TRUST_PROXY !== undefined,
    sessionTtlMs: e.SESSION_TTL_HOURS * 3600_000,
    signIn: {
      maxFailuresPerAccountAndAddress: e.SIGNIN_MAX_FAILURES_PER_ACCOUNT,
      maxFailuresPerAccount: e.SIGNIN_MAX_FAILURES_PER_ACCOUNT_ALL_ADDRESSES,
      maxFailuresPerAddress: e.SIGNIN_MAX_FAILURES_PER_ADDRESS,
      windowMs: e.SIGNIN_WINDOW_MINUTES * 60_000,
    },
    invitationTtlMs: e.INVITATION_TTL_DAYS * 24 * 3600_000,
    seedDemo: e.SEED_DEMO,
    webDist: resolve(root, e.WEB_DIST ?? 'apps/web/dist'),
    logSql: e.LOG_SQL,
    logLevel: e.LOG_LEVEL,
    // Pretty output only when asked, or in development on a terminal; JSON lines in production and under tests.
    logPretty: e.LOG_PRETTY ?? (env.NODE_ENV !== 'production' && Boolean(process.stdout.isTTY)),
    redisUrl: e.REDIS_URL,
    collab: {
      maxFrameBytes: e.COLLAB_MAX_FRAME_BYTES,
      messagesPerSecond: e.COLLAB_MESSAGES_PER_SECOND,
      burst: e.COLLAB_BURST,
      maxClientsPerDocument: e.COLLAB_MAX_CLIENTS_PER_DOCUMENT,
      maxDocumentsPerConnection: e.COLLAB_MAX_DOCUMENTS_PER_CONNECTION,
      maxConnectionsPerAccount: e.COLLAB_MAX_CONNECTIONS_PER_ACCOUNT,
      maxDocumentBytes: e.COLLAB_MAX_DOCUMENT_BYTES,
      idleUnloadMs: e.COLLAB_IDLE_UNLOAD_MS,
      compactEvery: e.COLLAB_COMPACT_EVERY,
      accessCheckMs: e.COLLAB_ACCESS_CHECK_MS,
      relayIntervalMs: e.COLLAB_RELAY_INTERVAL_MS,
    },
    diagnosticAutosaveQuietMs: e.DIAGNOSTIC_AUTOSAVE_QUIET_MS,
    guideExport: { threads: e.GUIDE_EXPORT_THREADS, maxQueue: e.GUIDE_EXPORT_MAX_QUEUE, timeoutMs: e.GUIDE_EXPORT_TIMEOUT_MS },
    mail: {
      smtpUrl: e.SMTP_URL,
      from: e.MAIL_FROM.replace(/[\r\n]+/g, ' ').trim(),
      maxAttempts: e.MAIL_MAX_ATTEMPTS,
      retryBaseMs: e.MAIL_RETRY_BASE_MS,
      pollMs: e.MAIL_POLL_MS,
      logLinks: env.NODE_ENV !== 'production',
    },
    passwordResetTtlMs: e.PASSWORD_RESET_TTL_MINUTES * 60_000,
    notificationScheduleMs: e.NOTIFICATION_SCHEDULE_MS,
    retention: { mailDays: e.MAIL_RETENTION_DAYS, notificationDays: e.NOTIFICATION_RETENTION_DAYS },
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
