import { createFreshDatabase } from '../../testing/test-postgres.js';
import { MIGRATIONS } from './migrations/index.js';
import { openDatabase } from './data-source.js';

describe('migrations from several processes at once', () => {
  it('are applied once, whichever replica gets there first, and every replica starts', async () => {
    const database = await createFreshDatabase();
    // Four connections racing to migrate an empty database, as replicas started together would.
    const opened = await Promise.allSettled([1, 2, 3, 4].map(() => openDatabase(database.url, [])));
    try {
      expect(opened.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
      const first = (opened[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof openDatabase>>>).value;
      const rows: { name: string; times: string }[] = await first.query(`SELECT name, count(*) AS times FROM schema_migration GROUP BY name`);
      expect(rows).toHaveLength(MIGRATIONS.length);
      expect(rows.every((r) => Number(r.times) === 1)).toBe(true);
    } finally {
      for (const o of opened) if (o.status === 'fulfilled') await o.value.destroy();
      await database.drop();
    }
  });
});
