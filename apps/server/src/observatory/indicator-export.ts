import { IndicatorKind, type IndicatorsOverTimeView, type PoleIndicatorRow, type RolledUpIndicator, csvEuros, labelOf, toCsv } from '@concerto/domain';

/*
 * The indicators' open data, with the observatory's CSV conventions (`toCsv`: `;`, UTF-8 with BOM, CRLF, decimal
 * comma): each indicator as its code and its French label, money (turnover, budget) in euros with two decimals.
 */

const MONEY: ReadonlySet<RolledUpIndicator> = new Set(['turnover', 'budget']);
const HEADLINE_LABEL = { total: 'Total', median: 'Médiane par pôle' } as const;

/** A value as the CSV writes it: euros with two decimals for money, the number itself (decimal comma) otherwise. */
const csvValue = (kind: RolledUpIndicator, value: number | null): string | number | null =>
  value === null ? null : MONEY.has(kind) ? csvEuros(Math.round(value * 100)) : value;

/** The scope's indicators by year: total, median per pole, poles and projects that measured it. */
export function indicatorsCsv(view: IndicatorsOverTimeView): string {
  return toCsv(
    ['indicateur', 'indicateur_libelle', 'annee', 'total', 'mediane_par_pole', 'nb_poles', 'nb_projets', 'figure_principale', 'figure_principale_libelle'],
    view.indicators.flatMap(({ kind, headline, years }) =>
      years.map((y) => [
        kind,
        labelOf(IndicatorKind, kind),
        y.year,
        csvValue(kind, y.total),
        csvValue(kind, y.medianPerPole),
        y.poles,
        y.projects,
        headline === 'total' ? 'total' : 'mediane',
        HEADLINE_LABEL[headline],
      ]),
    ),
  );
}

/** Each pole's indicators by year (the sum over its projects in scope). */
export function indicatorsByPoleCsv(rows: readonly PoleIndicatorRow[]): string {
  return toCsv(
    ['pole', 'territoire', 'indicateur', 'indicateur_libelle', 'annee', 'valeur', 'nb_projets'],
    rows.map((r) => [r.pole, r.territory, r.kind, labelOf(IndicatorKind, r.kind), r.year, csvValue(r.kind, r.value), r.projects]),
  );
}
