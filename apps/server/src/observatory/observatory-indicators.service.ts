import { Injectable } from '@nestjs/common';
import {
  type IndicatorsOverTimeView,
  type ObservatoryQuery,
  type PoleIndicatorRow,
  type PoleIndicatorsQuery,
  type PoleIndicatorsView,
  ROLLED_UP_INDICATORS,
} from '@concerto/domain';
import type { ExportFile } from './observatory.service.js';
import { ObservatoryService } from './observatory.service.js';
import { indicatorsByPoleCsv, indicatorsCsv } from './indicator-export.js';
import { poleIndicatorValues, scopeIndicators } from './indicator-figures.js';
import type { ChangeSource } from './observatory-facts.repository.js';
import { PoleNamesRepository } from './pole-names.repository.js';

/** An indicator figure follows the measures, the projects (stage, space) and the poles (scope, names). */
const SOURCES: ChangeSource[] = ['indicators', 'projects', 'pole'];

export type IndicatorDataset = 'indicators' | 'indicators_by_pole';

/**
 * The projects' indicators (jobs, FTE, structures, people in work-integration, turnover, budget) rolled up per pole and
 * over the caller's scope by year, from the same in-memory facts, scope and cache as every other observatory figure
 * (ObservatoryService.scopedFigure): an indicator change reloads that pole and forgets only the scopes holding it.
 */
@Injectable()
export class ObservatoryIndicatorsService {
  constructor(
    private readonly observatory: ObservatoryService,
    private readonly poleNames: PoleNamesRepository,
  ) {}

  overTime(accountId: string, query: ObservatoryQuery): Promise<IndicatorsOverTimeView> {
    return this.observatory.scopedFigure('indicators', accountId, query, SOURCES, async (facts, scope) => scopeIndicators(facts, scope, query));
  }

  /** Each pole's value of each indicator per year, in the French order of the poles, then by indicator and year. */
  byPole(accountId: string, query: ObservatoryQuery): Promise<PoleIndicatorRow[]> {
    return this.observatory.scopedFigure('indicators_by_pole', accountId, query, SOURCES, async (facts, scope) => {
      const values = poleIndicatorValues(facts, scope, query);
      const names = await this.poleNames.names([...new Set(values.map((v) => v.poleId))]);
      const french = new Intl.Collator('fr');
      return values
        .map((v) => ({ ...v, pole: names.get(v.poleId)?.name ?? '', territory: names.get(v.poleId)?.territory ?? '' }))
        .sort(
          (a, b) =>
            french.compare(a.pole, b.pole) ||
            a.poleId.localeCompare(b.poleId) ||
            ROLLED_UP_INDICATORS.indexOf(a.kind) - ROLLED_UP_INDICATORS.indexOf(b.kind) ||
            a.year - b.year,
        );
    });
  }

  /** One indicator's values per pole and year, the first `limit` poles in French order, and how many poles measured it. */
  async poles(accountId: string, { kind, limit, ...query }: PoleIndicatorsQuery): Promise<PoleIndicatorsView> {
    const rows = (await this.byPole(accountId, query)).filter((r) => r.kind === kind);
    const poles = new Map<string, PoleIndicatorsView['poles'][number]>();
    for (const r of rows) {
      let pole = poles.get(r.poleId);
      if (!pole) poles.set(r.poleId, (pole = { poleId: r.poleId, pole: r.pole, territory: r.territory, years: [] }));
      pole.years.push({ year: r.year, value: r.value, projects: r.projects });
    }
    return { kind, total: poles.size, poles: [...poles.values()].slice(0, limit) };
  }

  async export(accountId: string, dataset: IndicatorDataset, format: 'csv' | 'json', filters: ObservatoryQuery): Promise<ExportFile> {
    const name = `concerto-observatoire-${dataset.replace(/_/g, '-')}.${format}`;
    const data = dataset === 'indicators' ? await this.overTime(accountId, filters) : await this.byPole(accountId, filters);
    if (format === 'json') {
      return {
        name,
        contentType: 'application/json; charset=utf-8',
        body: JSON.stringify({ dataset, filters, generatedAt: new Date().toISOString(), data }, null, 2),
      };
    }
    const body = dataset === 'indicators' ? indicatorsCsv(data as IndicatorsOverTimeView) : indicatorsByPoleCsv(data as PoleIndicatorRow[]);
    return { name, contentType: 'text/csv; charset=utf-8', body };
  }
}
