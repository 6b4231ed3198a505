import { FUNDER_LEVEL_ROW_LABELS, type FundingTableView } from '@concerto/domain';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n/locale';
import { formatKiloEuros, formatNumber } from '../../ui/format';
import { BarChart } from './bar-chart';

/** The study's table: amounts mobilised, projects supported and median amount per collectivité level. */
export function FundingTable({ table }: { table: FundingTableView }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const language = i18n.language;
  const locale = currentLocale();
  const kilo = (cents: number | null) => (cents === null ? '—' : formatKiloEuros(cents, language));
  const period =
    table.period.from !== null || table.period.to !== null
      ? t('observatory.funding.period', { from: table.period.from ?? '…', to: table.period.to ?? '…' })
      : t('observatory.funding.allYears');

  return (
    <section className="section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('observatory.funding.title')}</h2>
      <div className="observatory-stack">
        <div className="table-wrapper" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
          <table className="table observatory-table">
            <caption id={`${id}-caption`}>{t('observatory.funding.caption', { period })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('observatory.funding.level')}</th>
                <th scope="col" className="table__number">{t('observatory.funding.total')}</th>
                <th scope="col" className="table__number">{t('observatory.funding.projects')}</th>
                <th scope="col" className="table__number">{t('observatory.funding.median')}</th>
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row) => (
                <tr key={row.level}>
                  <th scope="row">{FUNDER_LEVEL_ROW_LABELS[row.level][locale]}</th>
                  <td className="table__number">{kilo(row.totalCents)}</td>
                  <td className="table__number">{formatNumber(row.projectCount, language)}</td>
                  <td className="table__number">{kilo(row.medianCents)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('observatory.funding.totalRow')}</th>
                <td className="table__number">{kilo(table.total.totalCents)}</td>
                <td className="table__number">{formatNumber(table.total.projectCount, language)}</td>
                <td className="table__number">{kilo(table.total.medianCents)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
        <BarChart
          title={t('observatory.funding.chart')}
          bars={table.rows.map((row) => ({
            key: row.level,
            label: FUNDER_LEVEL_ROW_LABELS[row.level][locale],
            value: row.totalCents,
            text: kilo(row.totalCents),
          }))}
        />
      </div>
    </section>
  );
}
