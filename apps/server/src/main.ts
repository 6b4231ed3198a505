import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ENTITIES } from './app.entities.js';
import { createApp } from './app.factory.js';
import { loadConfig } from './config/app-config.js';
import { loadDotEnv } from './config/dot-env.js';
import { openDatabase } from './database/data-source.js';
import { startEmbeddedPostgres } from './database/embedded-postgres.js';
import { DEMO_PASSWORD, DEMO_PEOPLE } from './seed/demo-territory.js';
import { seedDemoTerritory } from './seed/demo-seed.js';

async function bootstrap(): Promise<void> {
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const dotEnv = loadDotEnv();
  const config = loadConfig();
  const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres(config.dataDir, config.embeddedDbPort);
  if (dotEnv) say(`Configuration lue dans ${dotEnv}`);
  if (embedded) say(`Base PostgreSQL embarquée démarrée (données dans ${embedded.filesDir})`);
  const dataSource = await openDatabase(config.databaseUrl ?? embedded!.url, ENTITIES, config.logSql);
  const seeded = config.seedDemo ? await seedDemoTerritory(dataSource) : false;
  if (seeded) say('Territoire de démonstration créé');
  const app = await createApp(config, dataSource);
  const stopDatabase = async () => {
    await dataSource.destroy().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
  };
  // Ctrl-C or SIGTERM: close the app (sockets, pending writes), then the database, then exit — within 10 s.
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      setTimeout(() => void stopDatabase().finally(() => process.exit(1)), 10_000).unref();
      void app
        .close()
        .catch(() => undefined)
        .then(stopDatabase)
        .finally(() => process.exit(0));
    });
  }
  await app.listen(config.port, config.host);
  const address = config.publicUrl;
  const lines = [
    '',
    `  Concerto est prêt : ${address}`,
    `  API : ${address}/api/docs`,
    ...(config.seedDemo
      ? [
          '',
          `  Comptes de démonstration (mot de passe « ${DEMO_PASSWORD} ») :`,
          ...DEMO_PEOPLE.map(
            (p) =>
              `    ${p.email.padEnd(32)} ${p.displayName} — ${Object.entries(p.memberships)
                .map(([k, r]) => `${r} (${k})`)
                .join(', ')}`,
          ),
        ]
      : []),
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

bootstrap().catch((error: unknown) => {
  new Logger('Concerto').error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
