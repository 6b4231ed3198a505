import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { type ApiErrorBody, type ErrorCode, ErrorCode as ErrorCodes, labelOf } from '@concerto/domain';
import { localeFromHeader } from '../common/locale.js';
import { PAGE_PREFIXES_OUTSIDE_API } from '../common/pages-outside-api.js';

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self' ws: wss:",
  "font-src 'self' data:",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

export function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'same-origin');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  next();
}

/**
 * Serves the built single-page app: hashed assets with long caching, index.html for every other page
 * so that deep links (/espaces/…, /invitations/…) work on reload. The service worker (sw.js) is allowed by the CSP
 * (`script-src 'self'`) and never cached long, so a deployment reaches it at the next check.
 */
export function serveWebApp(app: NestExpressApplication, webDist: string): boolean {
  const indexFile = join(webDist, 'index.html');
  if (!existsSync(indexFile)) return false;
  const indexHtml = readFileSync(indexFile, 'utf8');
  app.use('/assets', express.static(join(webDist, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false }));
  // The files beside them are not hashed (the service worker sw.js, the icon): checked with the server at each use.
  app.use(express.static(webDist, { index: false, cacheControl: false, setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache') }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.path.startsWith('/api') || req.path.startsWith('/socket.io')) return next();
    // Pages the server renders itself (the published guide) are its routes, not the single-page app's.
    if (PAGE_PREFIXES_OUTSIDE_API.some((prefix) => req.path.startsWith(prefix))) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.type('html').send(indexHtml);
  });
  return true;
}

/** Malformed or oversized JSON bodies are refused like any other bad input: 4xx with an ApiErrorBody. */
export function bodyErrorHandler(error: { status?: number; type?: string }, req: Request, res: Response, next: NextFunction): void {
  if (res.headersSent || typeof error?.status !== 'number' || error.status >= 500) return next(error);
  const code: ErrorCode = error.status === 413 ? 'payload_too_large' : 'validation_failed';
  const body: ApiErrorBody = {
    statusCode: error.status === 413 ? 413 : 400,
    code,
    message: labelOf(ErrorCodes, code, localeFromHeader(req.headers['accept-language'])),
    ...(code === 'validation_failed' ? { issues: [{ path: '(body)', message: error.type ?? 'Bad request' }] } : {}),
  };
  res.status(body.statusCode).json(body);
}
