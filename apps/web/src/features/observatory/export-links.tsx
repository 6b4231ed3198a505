import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { observatoryExportUrl, type ObservatoryDataset, type ObservatoryFilters } from './observatory-api';

const DATASETS: readonly ObservatoryDataset[] = ['funding', 'panorama', 'funding_lines', 'indicators', 'indicators_by_pole'];
const FORMATS = ['csv', 'json'] as const;

/** Downloads of each dataset with the filters in force. */
export function ExportLinks({ filters }: { filters: ObservatoryFilters }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('observatory.exports.title')}</h2>
      <p className="muted">{t('observatory.exports.intro')}</p>
      <ul className="export-list">
        {DATASETS.map((dataset) => (
          <li key={dataset} className="export-list__item">
            <span className="export-list__name">{t(`observatory.exports.datasets.${dataset}`)}</span>
            {FORMATS.map((format) => (
              <a key={format} className="button button--secondary" href={observatoryExportUrl(dataset, format, filters)} download>
                {format.toUpperCase()}
                <span className="sr-only">{t('observatory.exports.download', { dataset: t(`observatory.exports.datasets.${dataset}`) })}</span>
              </a>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
