import { DataSource, DataSourceOptions } from 'typeorm';
import { Account } from '../auth/account.entity.js';
import { AuthSession } from '../auth/auth-session.entity.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Pole } from '../poles/pole.entity.js';
import { Invitation } from '../spaces/invitation.entity.js';
import { SpaceMembership } from '../spaces/space-membership.entity.js';
import { Space } from '../spaces/space.entity.js';
import { MIGRATIONS } from './migrations/index.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

export const ENTITIES = [Account, AuthSession, Organisation, Pole, Space, SpaceMembership, Invitation];

export function dataSourceOptions(url: string, logSql = false): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
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
export async function openDatabase(url: string, logSql = false): Promise<DataSource> {
  const dataSource = new DataSource(dataSourceOptions(url, logSql));
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}
