import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DataSource } from 'typeorm';
import { ENTITIES } from '../src/app.entities.js';
import { createApp } from '../src/app.factory.js';
import { type AppConfig, loadConfig } from '../src/config/app-config.js';
import { openDatabase } from '../src/database/data-source.js';
import { createFreshDatabase } from './test-postgres.js';

export interface TestApp {
  url: string;
  app: NestExpressApplication;
  dataSource: DataSource;
  config: AppConfig;
  close(): Promise<void>;
}

/**
 * The real application on a fresh database built by the real migrations (a copy of the run's migrated template), listening on a loopback port; on the test
 * PostgreSQL server, or on `databaseServerUrl` (a private cluster a test may stop and restart).
 */
export async function startTestApp(env: Record<string, string> = {}, options: { databaseServerUrl?: string } = {}): Promise<TestApp> {
  const database = await createFreshDatabase(options.databaseServerUrl, { migrated: true });
  const config = loadConfig({
    PORT: '0',
    SEED_DEMO: 'false',
    WEB_DIST: 'tmp/no-web-app',
    LOG_LEVEL: 'error',
    LOG_PRETTY: 'false',
    ...env,
    DATABASE_URL: database.url,
  });
  const dataSource = await openDatabase(database.url, ENTITIES);
  const app = await createApp(config, dataSource);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  return {
    url,
    app,
    dataSource,
    config: { ...config, port: address.port },
    close: async () => {
      await app.close();
      await dataSource.destroy().catch(() => undefined);
      await database.drop();
    },
  };
}

/** Another server process's application on the database of `t` (as a deployment with several processes has one), on a loopback port. */
export async function startAnotherProcess(t: TestApp): Promise<{ url: string; app: NestExpressApplication; close(): Promise<void> }> {
  const dataSource = await openDatabase(t.config.databaseUrl!, ENTITIES);
  const app = await createApp(t.config, dataSource);
  await app.listen(0, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`,
    app,
    close: async () => {
      await app.close();
      await dataSource.destroy().catch(() => undefined);
    },
  };
}
