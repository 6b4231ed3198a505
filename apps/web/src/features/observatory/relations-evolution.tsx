import type { PanoramaView } from '@concerto/domain';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../ui/format';

const EVOLUTIONS = ['widening', 'stable', 'weakening'] as const;

/** Evolution of the relations between collectivités and poles, per year, and the causes of weakening. */
export function RelationsEvolution({ relations }: { relations: PanoramaView['relations'] }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const number = (value: number) => formatNumber(value, i18n.language);
  return (
    <div className="section">
      <h3 id={`${id}-title`}>{t('observatory.relations.title')}</h3>
      {relations.byYear.length === 0 ? (
        <p className="empty">{t('observatory.panorama.noData')}</p>
      ) : (
        <div className="table-wrapper" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
          <table className="table">
            <caption id={`${id}-caption`}>{t('observatory.relations.caption', { count: relations.total.pairs })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('observatory.relations.year')}</th>
                {EVOLUTIONS.map((evolution) => (
                  <th scope="col" className="table__number" key={evolution}>
                    {t(`vocab.relationEvolution.${evolution}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {relations.byYear.map((row) => (
                <tr key={row.year}>
                  <th scope="row">{row.year}</th>
                  {EVOLUTIONS.map((evolution) => (
                    <td className="table__number" key={evolution}>
                      {number(row[evolution])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('observatory.funding.totalRow')}</th>
                {EVOLUTIONS.map((evolution) => (
                  <td className="table__number" key={evolution}>
                    {number(relations.total[evolution])}
                  </td>
                ))}
              </tr>
            </tfoot>
          </table>
        </div>
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
