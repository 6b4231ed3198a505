import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import type { Logger } from 'pino';
import type { Socket } from 'socket.io';
import { requestIdFrom } from './request-id.js';

type Middleware = (socket: Socket, next: (error?: Error) => void) => void;
/** What a socket event answers: `{ ok: true, … }` or a refusal with its code. */
type Answer = { ok: boolean; code?: string } | undefined;

const logs = new WeakMap<Socket, Logger>();

/** A value from the client, fit for a log line: a short string as it is, anything else by its type. */
const subjectOf = (value: unknown): string => (typeof value === 'string' ? (value.length <= 200 ? value : `${value.slice(0, 200)}…`) : typeof value);

/**
 * The logs of socket connections (/events, /collab): each connection gets a pino child logger carrying its namespace,
 * `connectionId` (the socket id), `requestId` (the handshake's `X-Request-Id` when sane, else a new one) and, once
 * authenticated, `accountId` — never a cookie. Connection, refusal, disconnection (with its reason), event answers
 * and errors are logged through it, so an operator can follow one connection across its lines.
 */
@Injectable()
export class SocketLogs {
  constructor(private readonly pino: PinoLogger) {}

  /** Wraps the namespace's authentication: logs a refused handshake with its reason, or the connection. */
  handshake(namespace: string, authenticate: Middleware): Middleware {
    return (socket, next) => {
      const requestId = requestIdFrom(socket.handshake.headers['x-request-id']);
      const connectionLog = this.pino.logger.child({ ns: namespace, connectionId: socket.id, requestId });
      logs.set(socket, connectionLog);
      authenticate(socket, (error) => {
        if (error) {
          connectionLog.info({ event: 'refused', reason: error.message, origin: socket.handshake.headers.origin ?? null }, 'socket refused');
          return next(error);
        }
        const log = connectionLog.child({ accountId: (socket.data as { accountId?: string } | undefined)?.accountId ?? null });
        logs.set(socket, log);
        log.info({ event: 'connected', transport: socket.conn.transport.name }, 'socket connected');
        socket.once('disconnect', (reason: string) => log.info({ event: 'disconnected', reason }, 'socket disconnected'));
        next();
      });
    };
  }
}

/** The connection's logger (a no-op one for a socket that did not go through SocketLogs.handshake). */
export function socketLog(socket: Socket): Logger {
  return logs.get(socket) ?? silent;
}

/**
 * Runs a socket event's handler and logs its answer (`ok`, or the refusal's code) with what it names, or its error
 * (rethrown). `subject` is the client's value (a space, a session, a document name).
 */
export async function loggedSocketEvent<T extends Answer>(socket: Socket, event: string, subject: unknown, run: () => Promise<T>): Promise<T> {
  const log = socketLog(socket);
  try {
    const answer = await run();
    if (answer?.ok === false) log.info({ event, subject: subjectOf(subject), ok: false, code: answer.code }, `socket ${event} refused`);
    else log.info({ event, subject: subjectOf(subject), ok: true }, `socket ${event}`);
    return answer;
  } catch (error) {
    log.error({ event, subject: subjectOf(subject), err: error }, `socket ${event} failed`);
    throw error;
  }
}

/** An acknowledgement that logs a refusal (rate limits at debug level: a flood must not flood the log). */
export function loggedAck<T extends Answer>(socket: Socket, event: string, ack: ((answer: T) => void) | undefined): (answer: T) => void {
  return (answer) => {
    if (answer?.ok === false) {
      const line = { event, ok: false, code: answer.code };
      if (answer.code === 'rate_limited') socketLog(socket).debug(line, `socket ${event} refused`);
      else socketLog(socket).info(line, `socket ${event} refused`);
    }
    ack?.(answer);
  };
}

const noop = () => undefined;
const silent = { trace: noop, debug: noop, info: noop, warn: noop, error: noop, fatal: noop, child: () => silent } as unknown as Logger;
