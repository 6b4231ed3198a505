import 'reflect-metadata';
import { ENTITIES } from '../app.entities.js';
import { loadConfig } from '../config/app-config.js';
import { loadDotEnv } from '../config/dot-env.js';
import { openDatabase } from '../database/data-source.js';
import { startEmbeddedPostgres } from '../database/embedded-postgres.js';

/**
 * `npm run observatory:repair`: recomputes every funding rollup from the raw funding lines (`observatory_rebuild()`,
 * one transaction) and the indicator rollup from the raw measures (`observatory_indicator_rebuild()`), and has every
 * running server reload its copy of the observatory's facts. Safe at any time.
 */
async function repair(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres(config.dataDir, config.embeddedDbPort);
  const dataSource = await openDatabase(config.databaseUrl ?? embedded!.url, ENTITIES);
  try {
    const started = performance.now();
    const [{ rows }]: { rows: string }[] = await dataSource.query(`SELECT observatory_rebuild()::text AS rows`);
    const [{ rows: indicators }]: { rows: string }[] = await dataSource.query(`SELECT observatory_indicator_rebuild()::text AS rows`);
    process.stdout.write(
      `Cumuls de l’observatoire recalculés : ${rows} lignes de financement et ${indicators} d’indicateurs en ${Math.round(performance.now() - started)} ms\n`,
    );
  } finally {
    await dataSource.destroy();
    await embedded?.stop();
  }
}

repair().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
