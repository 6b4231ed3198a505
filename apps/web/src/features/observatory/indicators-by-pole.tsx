import type { PoleIndicatorsView, RolledUpIndicator } from '@concerto/domain';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../ui/chart/chart';
import { categorySeriesOption } from '../../ui/chart/series-option';
import { DataTable } from '../../ui/data-table';
import { ErrorAlert } from '../../ui/alert';
import { SelectField } from '../../ui/field';
import { errorMessage } from '../../ui/form-feedback';
import { formatEuros, formatNumber } from '../../ui/format';
import type { ObservatoryFilters } from './observatory-api';
import { usePoleIndicators } from './observatory-indicators-api';

const MONEY: ReadonlySet<RolledUpIndicator> = new Set(['turnover', 'budget']);
/** Beyond this many poles, lines would no longer be told apart: the table alone says it. */
const CHARTED_POLES = 8;

type Pole = PoleIndicatorsView['poles'][number];
const valueOf = (pole: Pole, year: number) => pole.years.find((y) => y.year === year)?.value ?? null;

/** One indicator per pole and year: a line per pole (a few poles) and a table of every pole shown, years as columns. */
export function IndicatorsByPole({ filters, kinds }: { filters: ObservatoryFilters; kinds: readonly RolledUpIndicator[] }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const language = i18n.language;
  const [chosen, setChosen] = useState<RolledUpIndicator | null>(null);
  const kind = chosen && kinds.includes(chosen) ? chosen : (kinds[0] ?? null);
  const poles = usePoleIndicators(filters, kind);
  const data = poles.data;
  const format = useMemo(
    () => (value: number) => (kind && MONEY.has(kind) ? formatEuros(Math.round(value * 100), language) : formatNumber(value, language)),
    [kind, language],
  );
  const years = useMemo(() => [...new Set(data?.poles.flatMap((p) => p.years.map((y) => y.year)) ?? [])].sort((a, b) => a - b), [data]);
  const charted = data && data.poles.length > 0 && data.poles.length <= CHARTED_POLES ? data.poles : null;
  const option = useMemo(
    () =>
      charted
        ? categorySeriesOption({
            categories: years.map(String),
            series: charted.map((pole) => ({ name: pole.pole, kind: 'line' as const, values: years.map((year) => valueOf(pole, year)) })),
            format,
          })
        : null,
    [charted, years, format],
  );
  if (kind === null) return null;
  const name = t(`vocab.indicatorKind.${kind}`);
  const caption = t('observatory.indicators.byPoleCaption', { name, shown: data?.poles.length ?? 0, count: data?.total ?? 0 });
  const table = data ? (
    <DataTable
      caption={caption}
      rows={data.poles}
      rowKey={(pole) => pole.poleId}
      columns={[
        { key: 'pole', header: t('observatory.indicators.pole'), rowHeader: true, cell: (pole) => pole.pole },
        { key: 'territory', header: t('observatory.filters.territory'), cell: (pole) => pole.territory },
        ...years.map((year) => ({
          key: String(year),
          header: String(year),
          numeric: true,
          cell: (pole: Pole) => {
            const value = valueOf(pole, year);
            return value === null ? '—' : format(value);
          },
        })),
      ]}
    />
  ) : null;
  return (
    <div className="section" aria-labelledby={`${id}-title`} role="group">
      <h3 id={`${id}-title`}>{t('observatory.indicators.byPole')}</h3>
      <SelectField
        label={t('observatory.indicators.indicator')}
        name="indicator"
        value={kind}
        options={kinds.map((k) => ({ value: k, label: t(`vocab.indicatorKind.${k}`) }))}
        onChange={(e) => setChosen(e.target.value as RolledUpIndicator)}
      />
      {poles.isError ? <ErrorAlert>{errorMessage(t, poles.error)}</ErrorAlert> : null}
      {charted && option ? (
        <Chart
          title={t('observatory.indicators.byPoleChart', { name })}
          summary={t('observatory.indicators.byPoleSummary', { name, count: charted.length, poles: charted.map((p) => p.pole).join(', ') })}
          option={option}
          height={260}
          tableLabel={t('observatory.charts.showTable')}
          table={<p>{t('observatory.charts.sameAsTable', { caption })}</p>}
        />
      ) : null}
      {table}
      {data && data.total > data.poles.length ? <p className="muted">{t('observatory.indicators.byPoleMore')}</p> : null}
    </div>
  );
}
