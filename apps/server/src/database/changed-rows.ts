import type { DataSource, EntityManager } from 'typeorm';

/**
 * Rows returned by an `UPDATE … RETURNING` or `DELETE … RETURNING`. TypeORM answers those commands with
 * `[rows, count]`; inside a CTE the statement is a SELECT and answers its rows like any query.
 */
export function changedRows<T>(db: DataSource | EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  return db.query(`WITH changed AS (${sql}) SELECT * FROM changed`, params);
}
