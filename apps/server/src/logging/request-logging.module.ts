import type { IncomingMessage, ServerResponse } from 'node:http';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from '../config/app-config.js';
import type { AuthenticatedRequest } from '../common/request-auth.js';
import { requestIdFrom } from './request-id.js';
import { SocketLogs } from './socket-logs.js';
import { RoutePatternInterceptor, type RequestWithPattern } from './route-pattern.interceptor.js';

type LoggedRequest = IncomingMessage & Partial<Pick<AuthenticatedRequest, 'auth'>> & RequestWithPattern & { id?: string; originalUrl?: string };

/** A request id from the proxy (`X-Request-Id`) when it is a sane token, else a new one; sent back to the client. */
export function requestIdOf(req: IncomingMessage, res: ServerResponse): string {
  const id = requestIdFrom(req.headers['x-request-id']);
  res.setHeader('X-Request-Id', id);
  return id;
}

/**
 * Structured logs (pino, through nestjs-pino): one JSON line per request with its id, method, route, status, duration
 * and the signed-in account's id — never a cookie, a token or a body. Nest's own logs go to the same stream. Socket
 * connections log through SocketLogs, each line with its connection's ids.
 */
@Module({})
export class RequestLoggingModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: RequestLoggingModule,
      global: true,
      providers: [{ provide: APP_INTERCEPTOR, useClass: RoutePatternInterceptor }, SocketLogs],
      exports: [SocketLogs],
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            genReqId: requestIdOf,
            ...(config.logPretty ? { transport: { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss' } } } : {}),
            // Health probes every few seconds would drown the log.
            autoLogging: { ignore: (req) => req.url === '/api/health' || req.url === '/api/health/ready' },
            // Evaluated when the response is done (the account and the route are known then), not when it starts.
            customProps: (req: LoggedRequest, res: ServerResponse) =>
              res.headersSent ? { route: req.routePattern ?? (req.originalUrl ?? req.url ?? '').split('?')[0], accountId: req.auth?.account.id ?? null } : {},
            serializers: {
              req: (req: { id: string; method: string }) => ({ id: req.id, method: req.method }),
              res: (res: { statusCode: number }) => ({ status: res.statusCode }),
            },
            redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'], remove: true },
          },
        }),
      ],
    };
  }
}
