import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { FundingTableView, ObservatoryExportQuery, ObservatoryQuery, PanoramaView } from '@concerto/domain';
import { fundingLinesCsv, fundingTableCsv, type OpenFundingLine, panoramaCsv } from './observatory-export.js';
import { ObservatoryCache } from './observatory-cache.js';
import { ObservatoryScope } from './observatory-scope.js';
import { fundingTable } from './funding-table.query.js';
import { panorama } from './panorama.query.js';

/** Figures depend on the caller (their spaces) and on the query, whose keys are sorted to make one key per meaning. */
const cacheKey = (figure: string, accountId: string, query: ObservatoryQuery) =>
  `${figure}:${accountId}:${JSON.stringify(Object.entries(query).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b)))}`;

export interface ExportFile {
  name: string;
  contentType: string;
  body: string;
}

/** Figures of the study's "Repères", computed in SQL from the data the caller may read. */
@Injectable()
export class ObservatoryService {
  private readonly cache: ObservatoryCache;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.cache = new ObservatoryCache(dataSource);
  }

  funding(accountId: string, query: ObservatoryQuery): Promise<FundingTableView> {
    return this.cache.get(cacheKey('funding', accountId, query), () => fundingTable(this.dataSource.manager, accountId, query));
  }

  panorama(accountId: string, query: ObservatoryQuery): Promise<PanoramaView> {
    return this.cache.get(cacheKey('panorama', accountId, query), () => panorama(this.dataSource.manager, accountId, query));
  }

  /** The counted funding lines themselves (open data), with their pole, project and funder. */
  async fundingLines(accountId: string, query: ObservatoryQuery): Promise<OpenFundingLine[]> {
    const scope = new ObservatoryScope(accountId, query);
    const rows: (Omit<OpenFundingLine, 'amount_euros'> & { amount_cents: string })[] = await this.dataSource.query(
      `WITH ${scope.scopeCte}, ${scope.countedLinesCte}
       SELECT po.name AS pole, po.territory, p.title AS project, o.name AS funder, l.funder_level, l.year, l.amount_cents,
              f.kind, f.instrument, f.status
         FROM counted_lines l JOIN funding_line f ON f.id = l.id
         JOIN project p ON p.id = l.project_id JOIN pole po ON po.id = l.pole_id JOIN organisation o ON o.id = l.funder_id
        ORDER BY po.name, p.title, l.year, o.name`,
      scope.params,
    );
    return rows.map(({ amount_cents, ...rest }) => ({ ...rest, amount_euros: Number(amount_cents) / 100 }));
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
      return { name, contentType: 'application/json; charset=utf-8', body: JSON.stringify({ dataset, filters, generatedAt: new Date().toISOString(), data }, null, 2) };
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
