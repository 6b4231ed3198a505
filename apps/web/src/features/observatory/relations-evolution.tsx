import type { PanoramaView } from '@concerto/domain';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../ui/data-table';
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
        <DataTable
          caption={t('observatory.relations.caption', { count: relations.total.pairs })}
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
