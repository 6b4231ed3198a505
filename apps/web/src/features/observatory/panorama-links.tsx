import { FUNDER_LEVEL_ROW_LABELS, type PanoramaView } from '@concerto/domain';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n/locale';
import { DataTable } from '../../ui/data-table';
import { formatNumber, formatShare } from '../../ui/format';
import { Chart } from '../../ui/chart/chart';
import { categorySeriesOption } from '../../ui/chart/series-option';
import { RelationsEvolution } from './relations-evolution';

/** How poles are linked to collectivités: presence of each level, how many collectivités per pole. */
export function PanoramaLinks({ panorama }: { panorama: PanoramaView }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const language = i18n.language;
  const locale = currentLocale();
  const share = (value: number | null) => (value === null ? '—' : formatShare(value, language));
  const presence = panorama.levelPresence;
  const option = useMemo(
    () =>
      categorySeriesOption({
        categories: presence.map((row) => FUNDER_LEVEL_ROW_LABELS[row.level][locale]),
        series: [{ name: t('observatory.links.share'), kind: 'bar', values: presence.map((row) => row.share ?? 0) }],
        format: (value) => formatShare(value, language),
        horizontal: true,
        max: 1,
      }),
    [presence, locale, language, t],
  );

  return (
    <section className="section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('observatory.links.title')}</h2>
      <div className="observatory-pair">
        <Chart
          title={t('observatory.links.presence')}
          summary={t('observatory.links.presenceSummary', {
            values: presence.map((row) => `${FUNDER_LEVEL_ROW_LABELS[row.level][locale]} ${share(row.share)}`).join(', '),
          })}
          option={option}
          height={40 + 32 * presence.length}
          tableLabel={t('observatory.charts.showTable')}
          table={
            <DataTable
              caption={t('observatory.links.presenceCaption')}
              rows={presence}
              rowKey={(row) => row.level}
              columns={[
                { key: 'level', header: t('observatory.links.level'), rowHeader: true, cell: (row) => FUNDER_LEVEL_ROW_LABELS[row.level][locale] },
                { key: 'share', header: t('observatory.links.share'), numeric: true, cell: (row) => share(row.share) },
                { key: 'poles', header: t('observatory.links.poles'), numeric: true, cell: (row) => t('observatory.links.poleCount', { count: row.poles }) },
              ]}
            />
          }
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
