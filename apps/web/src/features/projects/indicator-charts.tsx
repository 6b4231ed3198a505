import type { IndicatorView } from '@concerto/domain';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../ui/chart/chart';
import { categorySeriesOption } from '../../ui/chart/series-option';
import { DataTable } from '../../ui/data-table';
import { formatDate, formatNumber } from '../../ui/format';

/** The measures of one indicator (a kind, or a custom indicator's label), oldest first. */
interface IndicatorSeries {
  key: string;
  name: string;
  unit: string;
  measures: IndicatorView[];
}

/** Groups measures by indicator, in the order of their first appearance in `measures` (sorted by date). */
export function indicatorSeries(measures: readonly IndicatorView[], nameOf: (m: IndicatorView) => string): IndicatorSeries[] {
  const groups = new Map<string, IndicatorSeries>();
  for (const measure of [...measures].sort((a, b) => a.measuredOn.localeCompare(b.measuredOn))) {
    const key = measure.kind === 'custom' ? `custom:${measure.label}` : measure.kind;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, name: nameOf(measure), unit: measure.unit, measures: [] }));
    group.measures.push(measure);
  }
  return [...groups.values()];
}

/** One indicator over time: a line through its measures by date, with the measures as a table. */
function IndicatorChart({ series }: { series: IndicatorSeries }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const withUnit = (value: number) => (series.unit ? `${formatNumber(value, language)} ${series.unit}` : formatNumber(value, language));
  const { measures } = series;
  const option = useMemo(
    () =>
      categorySeriesOption({
        categories: measures.map((m) => formatDate(m.measuredOn, language)),
        series: [{ name: series.name, kind: 'line', values: measures.map((m) => m.value) }],
        format: (value) => formatNumber(value, language),
      }),
    [measures, series.name, language],
  );
  const first = measures[0];
  const last = measures[measures.length - 1];
  return (
    <Chart
      title={series.unit ? `${series.name} (${series.unit})` : series.name}
      summary={t('projects.indicators.chartSummary', {
        name: series.name,
        count: measures.length,
        from: formatDate(first.measuredOn, language),
        to: formatDate(last.measuredOn, language),
        latest: withUnit(last.value),
      })}
      option={option}
      height={220}
      tableLabel={t('projects.indicators.showTable')}
      table={
        <DataTable
          caption={t('projects.indicators.chartCaption', { name: series.name })}
          rows={measures}
          rowKey={(m) => m.id}
          columns={[
            { key: 'measuredOn', header: t('projects.indicators.measuredOn'), rowHeader: true, cell: (m) => formatDate(m.measuredOn, language) },
            { key: 'value', header: t('projects.indicators.value'), numeric: true, cell: (m) => withUnit(m.value) },
          ]}
        />
      }
    />
  );
}

/** A chart per indicator of the project, over time. */
export function IndicatorCharts({ measures, nameOf }: { measures: readonly IndicatorView[]; nameOf: (m: IndicatorView) => string }) {
  const groups = useMemo(() => indicatorSeries(measures, nameOf), [measures, nameOf]);
  return (
    <div className="indicator-charts">
      {groups.map((series) => (
        <IndicatorChart key={series.key} series={series} />
      ))}
    </div>
  );
}
