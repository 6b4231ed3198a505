import type { PanoramaView } from '@concerto/domain';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../ui/chart/chart';
import { CHART_COLORS, categorySeriesOption } from '../../ui/chart/series-option';
import { DataTable } from '../../ui/data-table';
import { formatNumber } from '../../ui/format';

const EVOLUTIONS = ['widening', 'stable', 'weakening'] as const;
/** Élargissement green, stable grey, fragilisation red: the usual reading, each with 4.5:1 contrast on white. */
const COLORS = { widening: CHART_COLORS.success, stable: CHART_COLORS.muted, weakening: CHART_COLORS.error } as const;

/** Evolution of the relations between collectivités and poles, per year, and the causes of weakening. */
export function RelationsEvolution({ relations }: { relations: PanoramaView['relations'] }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const number = (value: number) => formatNumber(value, i18n.language);
  const caption = t('observatory.relations.caption', { count: relations.total.pairs });
  const { byYear } = relations;
  const option = useMemo(
    () =>
      categorySeriesOption({
        categories: byYear.map((row) => String(row.year)),
        series: EVOLUTIONS.map((evolution) => ({
          name: t(`vocab.relationEvolution.${evolution}`),
          kind: 'bar' as const,
          stack: 'relations',
          color: COLORS[evolution],
          values: byYear.map((row) => row[evolution]),
        })),
        format: (value) => formatNumber(value, i18n.language),
      }),
    [byYear, t, i18n.language],
  );
  return (
    <div className="section">
      <h3 id={`${id}-title`}>{t('observatory.relations.title')}</h3>
      {relations.byYear.length === 0 ? (
        <p className="empty">{t('observatory.panorama.noData')}</p>
      ) : (
        <>
          <Chart
            title={t('observatory.relations.chart')}
            summary={t('observatory.relations.chartSummary', {
              values: byYear
                .map((row) => `${row.year} (${EVOLUTIONS.map((e) => `${t(`vocab.relationEvolution.${e}`)} ${number(row[e])}`).join(', ')})`)
                .join(', '),
            })}
            option={option}
            tableLabel={t('observatory.charts.showTable')}
            table={<p>{t('observatory.charts.sameAsTable', { caption })}</p>}
          />
          <DataTable
            caption={caption}
            rows={relations.byYear}
            rowKey={(row) => String(row.year)}
            columns={[
              { key: 'year', header: t('observatory.relations.year'), rowHeader: true, cell: (row) => row.year, footer: t('observatory.funding.totalRow') },
              ...EVOLUTIONS.map((evolution) => ({
                key: evolution,
                header: t(`vocab.relationEvolution.${evolution}`),
                numeric: true,
                cell: (row: PanoramaView['relations']['byYear'][number]) => number(row[evolution]),
                footer: number(relations.total[evolution]),
              })),
            ]}
          />
        </>
      )}
      {relations.weakeningCauses.length > 0 ? (
        <>
          <h4>{t('observatory.relations.causes')}</h4>
          <ul>
            {relations.weakeningCauses.map((cause) => (
              <li key={cause.cause}>{t('observatory.relations.cause', { cause: cause.cause, count: cause.count })}</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
