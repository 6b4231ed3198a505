import type { Pool, QueryResultRow } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * One statement of the hot paths (co-editing: its joins, loads and group commits), run on TypeORM's pg pool as a
 * named prepared statement: PostgreSQL parses and plans it once per connection, and the call skips TypeORM's query
 * runner (created and released per `DataSource.query`), its logger and its subscribers. Same pool, same connections,
 * same transactions semantics as a `DataSource.query` outside a transaction.
 */
export async function preparedQuery<R extends QueryResultRow>(dataSource: DataSource, name: string, text: string, values: unknown[]): Promise<R[]> {
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  const result = await pool.query<R>({ name, text, values });
  return result.rows;
}
