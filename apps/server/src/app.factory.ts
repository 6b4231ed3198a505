import { createRequire } from 'node:module';
import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import express from 'express';
import { Logger } from 'nestjs-pino';
import type { DataSource } from 'typeorm';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/app-config.js';
import { ConcertoIoAdapter } from './events/concerto-io-adapter.js';
import { bodyErrorHandler, securityHeaders, serveWebApp } from './web/web-app.js';
import { PAGES_OUTSIDE_API } from './common/pages-outside-api.js';

const require = createRequire(import.meta.url);

/** Builds the whole application (API, sockets, docs, web app) on an open, migrated data source. */
export async function createApp(config: AppConfig, dataSource: DataSource) {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, dataSource), {
    bufferLogs: true,
    bodyParser: false,
  });
  // Every log line, Nest's included, as structured pino output at LOG_LEVEL (see RequestLoggingModule).
  app.useLogger(app.get(Logger));
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  // Brotli or gzip for every response over 1 KB (pages, code, API answers): a rural connection gets a fraction of it.
  app.use(compression());
  app.use(securityHeaders);
  // CSV imports carry a whole file; every other payload is small.
  app.use(/^\/api\/spaces\/[^/]+\/projects-csv\/import$/, express.json({ limit: '3mb' }), bodyErrorHandler);
  app.use('/api', express.json({ limit: '256kb' }), bodyErrorHandler);
  // The folder only: `swagger-ui-dist`'s index would load both browser bundles into the server (megabytes kept at rest).
  const swaggerUiDir = (require('swagger-ui-dist/absolute-path.js') as () => string)();
  app.use('/api/docs/assets', express.static(swaggerUiDir, { index: false }));
  app.setGlobalPrefix('api', { exclude: PAGES_OUTSIDE_API });
  app.useWebSocketAdapter(new ConcertoIoAdapter(app, { maxFrameBytes: config.collab.maxFrameBytes, redisUrl: config.redisUrl }));
  if (!serveWebApp(app, config.webDist)) {
    new NestLogger('WebApp').warn(`No built web app in ${config.webDist}: only the API is served`);
  }
  await app.init();
  return app;
}
