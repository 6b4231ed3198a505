import { FUNDER_LEVEL_ROW_LABELS, type FundingTableView } from '@concerto/domain';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n/locale';
import { DataTable } from '../../ui/data-table';
import { formatKiloEuros, formatNumber } from '../../ui/format';
import { Chart } from '../../ui/chart/chart';
import { categorySeriesOption } from '../../ui/chart/series-option';

/** The caption of the study's table over its period (« Repères … 2015–2015 »). */
export function useFundingPeriod(table: FundingTableView): string {
  const { t } = useTranslation();
  return table.period.from !== null || table.period.to !== null
    ? t('observatory.funding.period', { from: table.period.from ?? '…', to: table.period.to ?? '…' })
    : t('observatory.funding.allYears');
}

/**
 * The study's table and its chart: amounts mobilised, projects supported and median amount per collectivité level.
 * With `studyNote`, the Communes median carries a note saying why it cannot be the study's printed 30 k€.
 */
export function FundingFigures({
  table,
  caption,
  className,
  studyNote = false,
}: {
  table: FundingTableView;
  caption: string;
  className?: string;
  studyNote?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const noteId = useId();
  const language = i18n.language;
  const locale = currentLocale();
  const kilo = (cents: number | null) => (cents === null ? '—' : formatKiloEuros(cents, language));
  const noted = studyNote && table.rows.some((row) => row.level === 'commune');
  const option = useMemo(
    () =>
      categorySeriesOption({
        categories: table.rows.map((row) => FUNDER_LEVEL_ROW_LABELS[row.level][locale]),
        series: [{ name: t('observatory.funding.total'), kind: 'bar', values: table.rows.map((row) => Math.round(row.totalCents / 100_000)) }],
        format: (value) => `${formatNumber(value, language, 0)}\u00a0k€`,
        horizontal: true,
      }),
    [table.rows, locale, language, t],
  );
  const median = (row: FundingTableView['rows'][number]) =>
    noted && row.level === 'commune' ? (
      <>
        {kilo(row.medianCents)}{' '}
        <a href={`#${noteId}`} className="observatory-note-mark" aria-describedby={noteId} title={t('observatory.funding.communeMedianNote')}>
          *
        </a>
      </>
    ) : (
      kilo(row.medianCents)
    );
  return (
    <>
      <DataTable
        className={className}
        caption={caption}
        rows={table.rows}
        rowKey={(row) => row.level}
        columns={[
          {
            key: 'level',
            header: t('observatory.funding.level'),
            rowHeader: true,
            cell: (row) => FUNDER_LEVEL_ROW_LABELS[row.level][locale],
            footer: t('observatory.funding.totalRow'),
          },
          { key: 'total', header: t('observatory.funding.total'), numeric: true, cell: (row) => kilo(row.totalCents), footer: kilo(table.total.totalCents) },
          {
            key: 'projects',
            header: t('observatory.funding.projects'),
            numeric: true,
            cell: (row) => formatNumber(row.projectCount, language),
            footer: formatNumber(table.total.projectCount, language),
          },
          {
            key: 'median',
            header: t('observatory.funding.median'),
            numeric: true,
            cell: median,
            footer: kilo(table.total.medianCents),
          },
        ]}
      />
      {noted ? (
        <p id={noteId} className="muted observatory-note">
          * {t('observatory.funding.communeMedianNote')}
        </p>
      ) : null}
      <Chart
        title={t('observatory.funding.chart')}
        summary={t('observatory.funding.chartSummary', {
          caption,
          values: table.rows.map((row) => `${FUNDER_LEVEL_ROW_LABELS[row.level][locale]} ${kilo(row.totalCents)}`).join(', '),
        })}
        option={option}
        height={40 + 36 * table.rows.length}
        tableLabel={t('observatory.charts.showTable')}
        table={<p>{t('observatory.charts.sameAsTable', { caption })}</p>}
      />
    </>
  );
}

/** The observatory's section of the study's table. */
export function FundingTable({ table }: { table: FundingTableView }) {
  const { t } = useTranslation();
  const id = useId();
  const period = useFundingPeriod(table);
  return (
    <section className="section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('observatory.funding.title')}</h2>
      <div className="observatory-stack">
        <FundingFigures table={table} caption={t('observatory.funding.caption', { period })} className="table observatory-table" studyNote />
      </div>
    </section>
  );
}
