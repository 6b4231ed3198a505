import { FUNDER_LEVEL_ROW_LABELS, type PanoramaView } from '@concerto/domain';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n/locale';
import { DataTable } from '../../ui/data-table';
import { formatNumber, formatShare } from '../../ui/format';
import { BarChart } from './bar-chart';
import { RelationsEvolution } from './relations-evolution';

/** How poles are linked to collectivités: presence of each level, how many collectivités per pole. */
export function PanoramaLinks({ panorama }: { panorama: PanoramaView }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const language = i18n.language;
  const locale = currentLocale();
  const share = (value: number | null) => (value === null ? '—' : formatShare(value, language));

  return (
    <section className="section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('observatory.links.title')}</h2>
      <div className="observatory-pair">
        <BarChart
          title={t('observatory.links.presence')}
          max={1}
          bars={panorama.levelPresence.map((row) => ({
            key: row.level,
            label: FUNDER_LEVEL_ROW_LABELS[row.level][locale],
            value: row.share ?? 0,
            text: `${share(row.share)} (${t('observatory.links.poleCount', { count: row.poles })})`,
          }))}
        />
        <div>
          <p className="key-figures__lead">
            {t('observatory.links.twoToSix', { share: share(panorama.twoToSixShare) })}
            {panorama.medianCollectivites !== null ? (
              <> {t('observatory.links.median', { value: formatNumber(panorama.medianCollectivites, language) })}</>
            ) : null}
          </p>
          {panorama.collectiviteCounts.length === 0 ? (
            <p className="empty">{t('observatory.panorama.noData')}</p>
          ) : (
            <DataTable
              caption={t('observatory.links.distribution')}
              rows={panorama.collectiviteCounts}
              rowKey={(row) => String(row.collectivites)}
              columns={[
                {
                  key: 'collectivites',
                  header: t('observatory.links.collectivites'),
                  rowHeader: true,
                  cell: (row) => formatNumber(row.collectivites, language),
                },
                { key: 'poles', header: t('observatory.links.poles'), numeric: true, cell: (row) => formatNumber(row.poles, language) },
              ]}
            />
          )}
        </div>
      </div>
      <RelationsEvolution relations={panorama.relations} />
    </section>
  );
}
