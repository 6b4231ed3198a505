import type { ObservatoryChange, ObservatoryFactsRepository, OrganisationFact, PoleFacts } from './observatory-facts.repository.js';
import type { FactsSource, StoredPole } from './observatory-figures.js';
import { toIndicatorColumns } from './indicator-columns.js';
import { PolePartials } from './pole-partials.js';
import { Interner, toColumns } from './rollup-columns.js';

/** How often (in syncs) the change log is pruned. */
const PRUNE_EVERY = 5_000;
/** The change log keeps a day (see `pruneChanges`): a copy idle for half of that is loaded again. */
const STALE_AFTER_MS = 12 * 3600 * 1000;

/**
 * This process's copy of the observatory's facts, per pole (rollup rows, partners, relations, profile), kept in
 * step with the database through the change log: each read first syncs (one small query), reloading only the poles
 * that changed. Concurrent readers share one sync (single-flight). The figures are then computed in memory
 * (observatory-figures.ts), which keeps the first read after a write within milliseconds at national scale.
 */
export class ObservatoryStore implements FactsSource {
  readonly ids = new Interner();
  readonly partials = new PolePartials();
  private poles = new Map<string, StoredPole>();
  organisations = new Map<number, OrganisationFact>();
  /** The change-log horizon (a transaction id) this copy is up to date with; null before the first load. */
  private horizon: string | null = null;
  private seen = new Set<number>();
  private syncing: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  private lastSyncAt = 0;
  private syncs = 0;
  /** Duration of the last full load (ms), for the benchmark's report. */
  lastFullLoadMs = 0;

  constructor(
    private readonly facts: ObservatoryFactsRepository,
    private readonly onChanges: (changes: ObservatoryChange[]) => void,
  ) {}

  pole(poleId: string): StoredPole | undefined {
    return this.poles.get(poleId);
  }

  /**
   * Brings the copy up to date with every change committed before the call; the changes applied are handed to
   * `onChanges` (the cache forgets what they touched). A call during a sync waits for it and for one more, shared
   * by every caller that arrived meanwhile (the running one may have read the log before their write committed).
   */
  sync(): Promise<void> {
    if (!this.syncing) {
      this.syncing = this.syncNow()
        .then((changes) => this.onChanges(changes))
        .finally(() => {
          this.syncing = null;
        });
      return this.syncing;
    }
    this.queued ??= this.syncing
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        return this.sync();
      });
    return this.queued;
  }

  private async syncNow(): Promise<ObservatoryChange[]> {
    // Idle for longer than the log is kept: what was pruned meanwhile would be missed.
    if (Date.now() - this.lastSyncAt > STALE_AFTER_MS) this.horizon = null;
    this.lastSyncAt = Date.now();
    if (this.horizon === null) {
      await this.loadEverything();
      return [{ seq: 0, source: 'all', poleId: null, accountId: null }];
    }
    const { changes, horizon } = await this.facts.changesSince(this.horizon);
    let fresh = changes.filter((c) => !this.seen.has(c.seq));
    this.horizon = horizon;
    // Only changes of transactions that may still commit need remembering: the next read starts at the new horizon.
    this.seen = new Set(changes.map((c) => c.seq));
    if ((this.syncs += 1) % PRUNE_EVERY === 0) await this.facts.pruneChanges();
    if (fresh.some((c) => c.source === 'all')) {
      await this.loadEverything();
      return fresh;
    }
    // A change of organisations stands for what it changed: a kind or level ('organisation': the links of the poles
    // it is a partner or relation of), a name ('names': the open lines); an organisation added changes nothing.
    const organisationChange = fresh.find((c) => c.source === 'organisation');
    if (organisationChange) {
      const changed = await this.loadOrganisations();
      fresh = [
        ...fresh.filter((c) => c.source !== 'organisation'),
        ...(changed.levels ? [organisationChange] : []),
        ...(changed.names ? [{ ...organisationChange, source: 'names' as const }] : []),
      ];
    }
    const stale = [...new Set(fresh.filter((c) => c.poleId && c.source !== 'membership').map((c) => c.poleId!))];
    if (stale.length > 0) this.keep(await this.facts.poleFacts(stale));
    return fresh;
  }

  private async loadEverything(): Promise<void> {
    const started = performance.now();
    // The horizon is taken first: whatever commits during the load is read again on the next sync.
    const horizon = await this.facts.horizon();
    this.organisations = new Map();
    await this.loadOrganisations();
    this.poles = new Map();
    this.keep(await this.facts.poleFacts(null));
    this.horizon = horizon;
    this.seen = new Set();
    this.lastFullLoadMs = performance.now() - started;
  }

  /**
   * Reads the organisations; answers whether one that was known changed kind or level (or disappeared), and whether
   * one was renamed. When a kind or level changed, the poles linked to such an organisation as a partner or
   * relation have their links computed again at their next use (PolePartials); the other poles' partials stay.
   */
  private async loadOrganisations(): Promise<{ levels: boolean; names: boolean }> {
    const read = new Map([...(await this.facts.organisations())].map(([id, organisation]) => [this.ids.index(id), organisation]));
    const changed = new Set<number>();
    let names = false;
    for (const [index, known] of this.organisations) {
      const now = read.get(index);
      if (!now || now.kind !== known.kind || now.level !== known.level) changed.add(index);
      if (!now || now.name !== known.name) names = true;
    }
    this.organisations = read;
    if (changed.size === 0) return { levels: false, names };
    const touched = (pole: StoredPole) => pole.partners.some((p) => changed.has(p.organisation)) || pole.relations.some((r) => changed.has(r.organisation));
    this.partials.organisationsChanged([...this.poles].filter(([, pole]) => touched(pole)).map(([poleId]) => poleId));
    return { levels: true, names };
  }

  /** Keeps these poles' facts (a pole gone from the database is forgotten). */
  private keep(poles: Map<string, PoleFacts>): void {
    for (const [poleId, facts] of poles) {
      if (!facts.profile) {
        this.poles.delete(poleId);
        this.partials.forget(poleId);
        continue;
      }
      this.poles.set(poleId, {
        profile: facts.profile,
        rollup: toColumns(facts.rollup, this.ids),
        partners: facts.partners.map((p) => ({ space: this.ids.index(p.spaceId), organisation: this.ids.index(p.organisationId) })),
        relations: facts.relations.map((r) => ({ organisation: this.ids.index(r.organisationId), year: r.year })),
        indicators: toIndicatorColumns(facts.indicators, this.ids),
      });
    }
  }
}
