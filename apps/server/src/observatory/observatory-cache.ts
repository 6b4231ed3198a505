const MAX_ENTRIES = 500;

/**
 * Figures computed for a caller and a query, kept until the observatory's source data change: the database's
 * revision (bumped by triggers in the writing transaction) is read first — one tiny query — and a figure computed
 * at an older revision is never served. Works across server processes since the revision lives in PostgreSQL.
 */
export class ObservatoryCache {
  private readonly entries = new Map<string, { revision: string; value: unknown }>();

  constructor(private readonly readRevision: () => Promise<string>) {}

  async get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const revision = await this.readRevision();
    const hit = this.entries.get(key);
    if (hit && hit.revision === revision) {
      // Most recently used last.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value as T;
    }
    const value = await compute();
    this.entries.set(key, { revision, value });
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }
}
