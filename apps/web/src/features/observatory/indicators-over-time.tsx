import type { IndicatorsOverTimeView, RolledUpIndicator } from '@concerto/domain';
import { useCallback, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../ui/chart/chart';
import { categorySeriesOption } from '../../ui/chart/series-option';
import { DataTable } from '../../ui/data-table';
import { ErrorAlert } from '../../ui/alert';
import { errorMessage } from '../../ui/form-feedback';
import { formatEuros, formatNumber } from '../../ui/format';
import type { ObservatoryFilters } from './observatory-api';
import { IndicatorsByPole } from './indicators-by-pole';
import { useObservatoryIndicators } from './observatory-indicators-api';

type Indicator = IndicatorsOverTimeView['indicators'][number];
const MONEY: ReadonlySet<RolledUpIndicator> = new Set(['turnover', 'budget']);

/** Formats an indicator's values: euros for money (turnover, budget), numbers otherwise — French by default. */
function useIndicatorFormat(kind: RolledUpIndicator): (value: number) => string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useCallback((value: number) => (MONEY.has(kind) ? formatEuros(Math.round(value * 100), language) : formatNumber(value, language)), [kind, language]);
}

/** One indicator by year: its headline figure (total, or median per pole) as bars, every figure in the table. */
function IndicatorYears({ indicator, period }: { indicator: Indicator; period: string }) {
  const { t, i18n } = useTranslation();
  const format = useIndicatorFormat(indicator.kind);
  const name = t(`vocab.indicatorKind.${indicator.kind}`);
  const headline = indicator.headline === 'total' ? t('observatory.indicators.total') : t('observatory.indicators.median');
  const { years, headline: figure } = indicator;
  const value = (year: Indicator['years'][number]) => (figure === 'total' ? year.total : year.medianPerPole);
  const option = useMemo(
    () =>
      categorySeriesOption({
        categories: years.map((y) => String(y.year)),
        series: [{ name: headline, kind: 'bar', values: years.map((y) => (figure === 'total' ? y.total : y.medianPerPole)) }],
        format,
      }),
    [years, headline, figure, format],
  );
  const last = years[years.length - 1];
  const latest = value(last);
  const number = (n: number) => formatNumber(n, i18n.language);
  return (
    <Chart
      title={t('observatory.indicators.chartTitle', { name, figure: headline.toLowerCase() })}
      summary={t('observatory.indicators.summary', {
        name,
        figure: headline.toLowerCase(),
        from: years[0].year,
        to: last.year,
        year: last.year,
        value: latest === null ? '—' : format(latest),
        count: last.poles,
      })}
      option={option}
      height={220}
      tableLabel={t('observatory.indicators.showTable')}
      table={
        <DataTable
          caption={t('observatory.indicators.caption', { name, period })}
          rows={years}
          rowKey={(y) => String(y.year)}
          columns={[
            { key: 'year', header: t('observatory.relations.year'), rowHeader: true, cell: (y) => y.year },
            { key: 'total', header: t('observatory.indicators.total'), numeric: true, cell: (y) => format(y.total) },
            {
              key: 'median',
              header: t('observatory.indicators.median'),
              numeric: true,
              cell: (y) => (y.medianPerPole === null ? '—' : format(y.medianPerPole)),
            },
            { key: 'poles', header: t('observatory.indicators.poles'), numeric: true, cell: (y) => number(y.poles) },
            { key: 'projects', header: t('observatory.indicators.projects'), numeric: true, cell: (y) => number(y.projects) },
          ]}
        />
      }
    />
  );
}

/**
 * The projects' indicators rolled up by year over my scope and the filters in force: for each indicator a chart of the
 * figure the study puts first (the total, or for FTE the median per pole) and a table with every figure.
 */
export function IndicatorsOverTime({ filters }: { filters: ObservatoryFilters }) {
  const { t } = useTranslation();
  const id = useId();
  const indicators = useObservatoryIndicators(filters);
  const data = indicators.data;
  const period =
    data && (data.period.from !== null || data.period.to !== null)
      ? t('observatory.funding.period', { from: data.period.from ?? '…', to: data.period.to ?? '…' })
      : t('observatory.funding.allYears');
  const measured = data?.indicators.filter((i) => i.years.length > 0) ?? [];
  const unmeasured = data?.indicators.filter((i) => i.years.length === 0) ?? [];
  return (
    <section className="section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('observatory.indicators.title')}</h2>
      <p className="muted">{t('observatory.indicators.intro')}</p>
      {indicators.isError ? <ErrorAlert>{errorMessage(t, indicators.error)}</ErrorAlert> : null}
      {data && measured.length === 0 ? <p className="empty">{t('observatory.indicators.empty')}</p> : null}
      <div className="observatory-indicators">
        {measured.map((indicator) => (
          <IndicatorYears key={indicator.kind} indicator={indicator} period={period} />
        ))}
      </div>
      {measured.length > 0 ? <IndicatorsByPole filters={filters} kinds={measured.map((i) => i.kind)} /> : null}
      {measured.length > 0 && unmeasured.length > 0 ? (
        <p className="muted">{t('observatory.indicators.unmeasured', { names: unmeasured.map((i) => t(`vocab.indicatorKind.${i.kind}`)).join(', ') })}</p>
      ) : null}
    </section>
  );
}
