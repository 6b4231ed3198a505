import { DataSource, type DataSourceOptions, type EntitySchema } from 'typeorm';
import { MIGRATIONS } from './migrations/index.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

/** The TypeORM entities of the areas, given by the application (the connection imports no area). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM takes entity classes as Functions
export type EntityList = (Function | EntitySchema)[];

export function dataSourceOptions(url: string, entities: EntityList, logSql = false): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    // A missing id must never match the first row.
    invalidWhereValuesBehavior: { null: 'throw', undefined: 'throw' },
    logging: logSql ? 'all' : ['error'],
    extra: { max: 10, application_name: 'concerto' },
  };
}

/** Key of the PostgreSQL advisory lock held while migrating (any constant; the same in every process). */
export const MIGRATION_LOCK_KEY = 7_263_011_042;

/**
 * Connects and applies every pending migration, under a session advisory lock: replicas starting together migrate one
 * after the other, and the later ones find nothing left to do.
 */
export async function openDatabase(url: string, entities: EntityList, logSql = false): Promise<DataSource> {
  const dataSource = new DataSource(dataSourceOptions(url, entities, logSql));
  await dataSource.initialize();
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.release();
  }
  return dataSource;
}
