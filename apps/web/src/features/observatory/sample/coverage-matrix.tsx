import { GridEntry, SAMPLE_GRID, type SampleCoverageView } from '@concerto/domain';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../ui/format';

const vocabularyOf = new Map(SAMPLE_GRID.map((g) => [g.field, g.vocabulary]));

/**
 * The coverage matrix: one row per value of each field of the grid, grouped by field (row-group headers), with the
 * poles of the set and of the scope that have it. A value nobody in the set covers is a gap: marked in words and
 * with a sign, not by colour alone.
 */
export function CoverageMatrix({ coverage }: { coverage: SampleCoverageView }) {
  const { t, i18n } = useTranslation();
  const captionId = useId();
  const number = (n: number) => formatNumber(n, i18n.language);
  const caption = coverage.wholeScope
    ? t('sample.matrix.captionScope', { count: coverage.setPoleCount })
    : t('sample.matrix.caption', { count: coverage.setPoleCount });
  return (
    // A scrollable region takes the focus so that keyboard users can scroll it (axe: scrollable-region-focusable).
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="table-wrapper" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="table sample-matrix">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('sample.matrix.value')}</th>
            <th scope="col" className="table__number">
              {t('sample.matrix.setPoles')}
            </th>
            <th scope="col" className="table__number">
              {t('sample.matrix.scopePoles')}
            </th>
            <th scope="col">{t('sample.matrix.status')}</th>
          </tr>
        </thead>
        {coverage.fields.map((field) => (
          <tbody key={field.field}>
            <tr className="sample-matrix__group">
              <th scope="rowgroup" colSpan={4} id={`sample-field-${field.field}`}>
                {t(`vocab.sampleField.${field.field}`)} <span className="sample-matrix__entry">({t(`vocab.${GridEntry.name}.${field.entry}`)})</span>
                {field.unknown > 0 ? <span className="sample-matrix__unknown"> — {t('sample.matrix.unknown', { count: field.unknown })}</span> : null}
              </th>
            </tr>
            {field.values.map((value) => {
              const gap = value.poles === 0;
              return (
                <tr key={value.value} className={gap ? 'sample-matrix__gap' : undefined} data-gap={gap || undefined}>
                  <th scope="row">{t(`vocab.${vocabularyOf.get(field.field)}.${value.value}`)}</th>
                  <td className="table__number">{number(value.poles)}</td>
                  <td className="table__number">{number(value.scopePoles)}</td>
                  <td>
                    {gap ? (
                      <strong className="sample-matrix__gap-label">
                        <span aria-hidden="true">⚠ </span>
                        {value.scopePoles === 0 ? t('sample.matrix.gapUnfillable') : t('sample.matrix.gap')}
                      </strong>
                    ) : (
                      <span>
                        <span aria-hidden="true">✓ </span>
                        {t('sample.matrix.covered')}
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        ))}
      </table>
    </div>
  );
}
