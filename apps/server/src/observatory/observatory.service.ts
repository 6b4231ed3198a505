import { Injectable } from '@nestjs/common';
import type { FundingTableView, ObservatoryExportQuery, ObservatoryQuery, PanoramaView } from '@concerto/domain';
import { fundingLinesCsv, fundingTableCsv, type OpenFundingLine, panoramaCsv } from './observatory-export.js';
import { ObservatoryCache } from './observatory-cache.js';
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

export interface ExportFile {
  name: string;
  contentType: string;
  body: string;
}

/** Figures of the study's "Repères", computed in SQL from the data the caller may read. */
@Injectable()
export class ObservatoryService {
  private readonly cache: ObservatoryCache;

  constructor(
    private readonly observatory: ObservatoryRepository,
    private readonly panoramas: PanoramaRepository,
  ) {
    this.cache = new ObservatoryCache(() => observatory.revision());
  }

  funding(accountId: string, query: ObservatoryQuery): Promise<FundingTableView> {
    return this.cache.get(cacheKey('funding', accountId, query), async () => fundingTableView(query, await this.observatory.fundingLevels(accountId, query)));
  }

  panorama(accountId: string, query: ObservatoryQuery): Promise<PanoramaView> {
    return this.cache.get(cacheKey('panorama', accountId, query), async () => {
      // One after the other, as before: four heavy statements would otherwise hold four pool connections at once.
      const profile = await this.panoramas.poleProfile(accountId, query);
      const presence = await this.panoramas.levelPresence(accountId, query);
      const counts = await this.panoramas.collectiviteCounts(accountId, query);
      const relations = await this.panoramas.relationFigures(accountId, query);
      return panoramaView(query, { profile, presence, counts, relations });
    });
  }

  /** The counted funding lines themselves (open data), with their pole, project and funder. */
  fundingLines(accountId: string, query: ObservatoryQuery): Promise<OpenFundingLine[]> {
    return this.observatory.openFundingLines(accountId, query);
  }

  async export(accountId: string, query: ObservatoryExportQuery): Promise<ExportFile> {
    const { dataset, format, ...filters } = query;
    const data =
      dataset === 'funding'
        ? await this.funding(accountId, filters)
        : dataset === 'panorama'
          ? await this.panorama(accountId, filters)
          : await this.fundingLines(accountId, filters);
    const name = `concerto-observatoire-${dataset.replace('_', '-')}.${format}`;
    if (format === 'json') {
      return {
        name,
        contentType: 'application/json; charset=utf-8',
        body: JSON.stringify({ dataset, filters, generatedAt: new Date().toISOString(), data }, null, 2),
      };
    }
    const body =
      dataset === 'funding'
        ? fundingTableCsv(data as FundingTableView)
        : dataset === 'panorama'
          ? panoramaCsv(data as PanoramaView)
          : fundingLinesCsv(data as OpenFundingLine[]);
    return { name, contentType: 'text/csv; charset=utf-8', body };
  }
}
