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

/** Connects and applies every pending migration. */
export async function openDatabase(url: string, entities: EntityList, logSql = false): Promise<DataSource> {
  const dataSource = new DataSource(dataSourceOptions(url, entities, logSql));
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}
