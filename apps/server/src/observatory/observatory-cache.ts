import type { ChangeSource, ObservatoryChange } from './observatory-facts.repository.js';

const MAX_ENTRIES = 500;
/** Changes remembered to check a figure computed while they arrived. */
const RECENT_CHANGES = 10_000;

/** What a cached figure depends on, to forget it only when one of those changes. */
export interface Dependencies {
  accountId: string;
  /** The poles in the caller's scope. */
  poles: ReadonlySet<string>;
  /** A pole filter (territory, stage…) is applied: a change to any pole may change the scope. */
  poleFiltered: boolean;
  sources: ReadonlySet<ChangeSource>;
}

/** Whether `change` may change a figure with these dependencies. */
export function touches(change: ObservatoryChange, d: Dependencies): boolean {
  switch (change.source) {
    case 'all':
      return true;
    case 'organisation':
      // A change of an organisation's kind or level: the links (panorama, relations) and names follow it; the money
      // does not (a funding line keeps the level it was recorded at), nor does the scope.
      return d.sources.has('organisation');
    case 'membership':
      return change.accountId === d.accountId;
    case 'names':
      return d.sources.has('names');
    default:
      if (!d.sources.has(change.source) || change.poleId === null) return false;
      return d.poles.has(change.poleId) || (change.source === 'pole' && d.poleFiltered);
  }
}

interface Entry {
  value: unknown;
  dependencies: Dependencies;
}

/**
 * Figures computed for a caller and a query, kept until a change touches what they were computed from: the scope's
 * poles, the caller's memberships (see `touches`). A change elsewhere leaves them be. Concurrent readers of a missing
 * or stale figure wait for one computation (single-flight); a figure whose sources changed while it was computed is
 * answered but not kept.
 */
export class ObservatoryCache {
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<unknown>>();
  private recent: ObservatoryChange[] = [];
  /** Counts changes seen, so a computation knows which ones arrived while it ran. */
  private changeCount = 0;

  constructor(private readonly maxEntries = MAX_ENTRIES) {}

  /** Forgets every figure the changes touch. */
  apply(changes: ObservatoryChange[]): void {
    if (changes.length === 0) return;
    // A computation already running may have read the facts before these changes: later readers start their own.
    this.pending.clear();
    for (const [key, entry] of this.entries) if (changes.some((c) => touches(c, entry.dependencies))) this.entries.delete(key);
    this.recent.push(...changes);
    if (this.recent.length > RECENT_CHANGES) this.recent = this.recent.slice(-RECENT_CHANGES);
    this.changeCount += changes.length;
  }

  /** The cached figure if there is one, at once (no promise: for callers looking up thousands of entries). */
  peek<T>(key: string): T | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit.value as T;
  }

  /** The cached figure, or the one being computed, or a new computation (which answers its value and dependencies). */
  async get<T>(key: string, compute: () => Promise<{ value: T; dependencies: Dependencies }>): Promise<T> {
    // Most recently used last.
    const hit = this.peek<T>(key);
    if (hit !== undefined) return hit;
    const running = this.pending.get(key);
    if (running) return running as Promise<T>;
    const started = this.changeCount;
    const computation = compute()
      .then(({ value, dependencies }) => {
        const missed = this.changeCount - started;
        const changedMeanwhile = missed > this.recent.length || this.recent.slice(this.recent.length - missed).some((c) => touches(c, dependencies));
        if (!changedMeanwhile) {
          this.entries.set(key, { value, dependencies });
          if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
        }
        return value;
      })
      .finally(() => {
        if (this.pending.get(key) === computation) this.pending.delete(key);
      });
    this.pending.set(key, computation);
    return computation;
  }
}
