import type { DataSource } from 'typeorm';

/** Whether the database answers a trivial query, and how fast. */
export class DatabaseProbe {
  constructor(private readonly dataSource: DataSource) {}

  /** The round trip in milliseconds (to a tenth), or null when the database does not answer. */
  async latencyMs(): Promise<number | null> {
    const started = performance.now();
    const up = await this.dataSource
      .query('SELECT 1')
      .then(() => true)
      .catch(() => false);
    return up ? Math.round((performance.now() - started) * 10) / 10 : null;
  }
}
