import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { FundingTableView, ObservatoryExportQuery, ObservatoryQuery, PanoramaView } from '@concerto/domain';
import { FUNDING_LINES_SOURCES, FundingLinesCsvParts, fundingLinesLayout } from './funding-lines-csv-parts.js';
import { fundingTableCsv, type OpenFundingLine, panoramaCsv } from './observatory-export.js';
import { ObservatoryCache, type Dependencies } from './observatory-cache.js';
import { type ChangeSource, ObservatoryFactsRepository } from './observatory-facts.repository.js';
import { type FactsSource, type ScopeRow, fundingLevelFigures, panoramaFacts, poleProfile } from './observatory-figures.js';
import { ObservatoryStore } from './observatory-store.js';
import { fundingTableView, panoramaView } from './observatory-views.js';
import { ObservatoryRepository } from './observatory.repository.js';
import { PanoramaRepository } from './panorama.repository.js';

/** Figures depend on the caller (their spaces) and on the query, whose keys are sorted to make one key per meaning. */
const cacheKey = (figure: string, accountId: string, query: ObservatoryQuery) =>
  `${figure}:${accountId}:${JSON.stringify(
    Object.entries(query)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b)),
  )}`;

/**
 * A file to download: its text, or (a large file kept compressed in parts) its gzip stream — several members, one
 * after the other — in chunks (FundingLinesCsvParts).
 */
export type ExportFile = { name: string; contentType: string } & ({ body: string } | { gzipChunks: Buffer[] });

const poleFiltered = (query: ObservatoryQuery) =>
  Boolean(query.territory || query.region || query.departement || query.poleStage || query.implantation || query.sector);

/**
 * Figures of the study's "Repères" over the data the caller may read (their scope, from the access policy's
 * ObservatoryScope). The money comes from the funding rollups, copied in memory per pole (ObservatoryStore) and kept
 * in step through the change log; figures are cached per caller and query until a change touches a pole of their
 * scope (ObservatoryCache), and concurrent readers of a figure being computed wait for that one computation.
 */
@Injectable()
export class ObservatoryService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Observatory');
  private readonly cache = new ObservatoryCache();
  private warming: Promise<void> | undefined;
  private readonly store: ObservatoryStore;
  private readonly fundingLinesCsv: FundingLinesCsvParts;

  constructor(
    private readonly observatory: ObservatoryRepository,
    private readonly panoramas: PanoramaRepository,
    facts: ObservatoryFactsRepository,
  ) {
    this.fundingLinesCsv = new FundingLinesCsvParts(observatory);
    this.store = new ObservatoryStore(facts, (changes) => {
      this.cache.apply(changes);
      this.fundingLinesCsv.apply(changes);
    });
  }

  /**
   * Every pole's facts loaded as the process starts, in the background: the first reader after a start (or a
   * deployment) does not wait for them (seconds at national scale), unless they come within that time.
   */
  onApplicationBootstrap(): void {
    this.warming = this.store.sync().catch((error: Error) => this.logger.warn(`Faits de l’observatoire non chargés au démarrage : ${error.message}`));
  }

  async onModuleDestroy(): Promise<void> {
    await this.warming;
  }

  /** How long this process took to load every fact (ms), for the benchmark. */
  get lastFullLoadMs(): number {
    return this.store.lastFullLoadMs;
  }

  async funding(accountId: string, query: ObservatoryQuery): Promise<FundingTableView> {
    await this.store.sync();
    return this.cache.get(cacheKey('funding', accountId, query), async () => {
      const scope = await this.scope(accountId, query);
      return {
        value: fundingTableView(query, fundingLevelFigures(this.store, scope, query)),
        dependencies: this.dependencies(accountId, query, scope, ['projects', 'pole']),
      };
    });
  }

  async panorama(accountId: string, query: ObservatoryQuery): Promise<PanoramaView> {
    await this.store.sync();
    return this.cache.get(cacheKey('panorama', accountId, query), async () => {
      const scope = await this.scope(accountId, query);
      // The relations are read in SQL, and kept apart: a funding change leaves them be, and so does a change of an
      // organisation's level unless the figures are of one level.
      const relations = await this.cache.get(cacheKey('relations', accountId, query), async () => ({
        value: await this.panoramas.relationFigures(accountId, query),
        dependencies: this.dependencies(accountId, query, scope, query.level ? ['relations', 'pole', 'organisation'] : ['relations', 'pole']),
      }));
      // The poles' profile follows the poles only: a funding change leaves it be.
      const profile = await this.cache.get(cacheKey('profile', accountId, query), async () => ({
        value: poleProfile(this.store, scope, query),
        dependencies: this.dependencies(accountId, query, scope, ['pole']),
      }));
      const { mobilisedCents, presence, counts } = panoramaFacts(this.store, scope, query);
      return {
        value: panoramaView(query, { profile: { ...profile, mobilisedCents }, presence, counts, relations }),
        dependencies: this.dependencies(accountId, query, scope, ['projects', 'pole', 'relations', 'organisation']),
      };
    });
  }

  /**
   * A figure of another view (e.g. the map's per-territory figures) computed from the same facts over the same
   * scope, cached like the others until a change of one of `sources` touches a pole of the scope. With `part`, the
   * figure is computed over that part of the scope only (e.g. one territory's poles) and kept until a change touches
   * a pole of the part — or any pole's own facts, which may move a pole between parts.
   */
  async scopedFigure<T>(
    figure: string,
    accountId: string,
    query: ObservatoryQuery,
    sources: ChangeSource[],
    compute: (facts: FactsSource, scope: ScopeRow[]) => Promise<T>,
    part?: (scope: ScopeRow[]) => ScopeRow[],
  ): Promise<T> {
    await this.store.sync();
    return this.cache.get(cacheKey(figure, accountId, query), async () => {
      const scope = await this.scope(accountId, query);
      if (!part) return { value: await compute(this.store, scope), dependencies: this.dependencies(accountId, query, scope, sources) };
      const rows = part(scope);
      return { value: await compute(this.store, rows), dependencies: { ...this.dependencies(accountId, query, rows, sources), poleFiltered: true } };
    });
  }

  /**
   * The open funding lines as the CSV file's gzip members: the head, then one part per space of the scope (by pole
   * name), each kept until a change touches its pole (FundingLinesCsvParts). The layout (which parts, in which
   * order) is cached per scope until a pole of it changes; the list of members until a line of the scope changes.
   */
  private async fundingLinesCsvFile(accountId: string, query: ObservatoryQuery): Promise<{ gzipChunks: Buffer[] }> {
    await this.store.sync();
    // The members in order and in chunks, kept per caller and query: between two changes a download is one lookup.
    const gzipChunks = await this.cache.get(cacheKey('funding_lines.csv', accountId, query), async () => {
      const scope = await this.scope(accountId, query);
      const layout = await this.cache.get(cacheKey('funding_lines.layout', accountId, query), async () => {
        const poles = await this.observatory.polesByName([...new Set(scope.map((s) => s.poleId))]);
        return { value: fundingLinesLayout(scope, poles), dependencies: this.dependencies(accountId, query, scope, ['pole']) };
      });
      return {
        value: await this.fundingLinesCsv.file(accountId, query, layout),
        dependencies: this.dependencies(accountId, query, scope, FUNDING_LINES_SOURCES),
      };
    });
    return { gzipChunks };
  }

  /** The counted funding lines themselves (open data), with their pole, project and funder. */
  async fundingLines(accountId: string, query: ObservatoryQuery): Promise<OpenFundingLine[]> {
    await this.store.sync();
    return this.cache.get(cacheKey('funding_lines', accountId, query), async () => {
      const scope = await this.scope(accountId, query);
      return {
        value: await this.observatory.openFundingLines(accountId, query),
        dependencies: this.dependencies(accountId, query, scope, FUNDING_LINES_SOURCES),
      };
    });
  }

  /** The caller's spaces and their poles (narrowed by the pole filters), cached until their memberships or those poles change. */
  private scope(accountId: string, query: ObservatoryQuery): Promise<ScopeRow[]> {
    const { territory, region, departement, poleStage, implantation, sector, spaceId, spaceIds, selectionId } = query;
    const scopeQuery = { territory, region, departement, poleStage, implantation, sector, spaceId, spaceIds, selectionId };
    return this.cache.get(cacheKey('scope', accountId, scopeQuery), async () => {
      const scope = await this.observatory.scope(accountId, scopeQuery);
      return { value: scope, dependencies: this.dependencies(accountId, query, scope, ['pole']) };
    });
  }

  private dependencies(accountId: string, query: ObservatoryQuery, scope: ScopeRow[], sources: ChangeSource[]): Dependencies {
    return { accountId, poles: new Set(scope.map((s) => s.poleId)), poleFiltered: poleFiltered(query), sources: new Set(sources) };
  }

  async export(accountId: string, query: ObservatoryExportQuery): Promise<ExportFile> {
    const { dataset, format, ...filters } = query;
    const name = `concerto-observatoire-${dataset.replace('_', '-')}.${format}`;
    const csv = 'text/csv; charset=utf-8';
    if (dataset === 'funding_lines' && format === 'csv') return { name, contentType: csv, ...(await this.fundingLinesCsvFile(accountId, filters)) };
    const data =
      dataset === 'funding'
        ? await this.funding(accountId, filters)
        : dataset === 'panorama'
          ? await this.panorama(accountId, filters)
          : await this.fundingLines(accountId, filters);
    if (format === 'json') {
      return {
        name,
        contentType: 'application/json; charset=utf-8',
        body: JSON.stringify({ dataset, filters, generatedAt: new Date().toISOString(), data }, null, 2),
      };
    }
    return { name, contentType: csv, body: dataset === 'funding' ? fundingTableCsv(data as FundingTableView) : panoramaCsv(data as PanoramaView) };
  }
}
