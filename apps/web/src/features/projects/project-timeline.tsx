import type { ProjectChangeView } from '@concerto/domain';
import type { TFunction } from 'i18next';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useProjectChanges } from './projects-api';
import { ErrorAlert } from '../../ui/alert';
import { errorMessage } from '../../ui/form-feedback';
import { formatDateTime, formatEuros } from '../../ui/format';
import { Loading } from '../../ui/loading';

/** Vocabularies that may name a value of each recorded field, tried in order. */
const FIELD_VOCABULARIES: Record<string, readonly string[]> = {
  stage: ['projectStage'],
  status: ['projectStatus', 'fundingStatus'],
  kind: ['indicatorKind', 'fundingKind'],
  funderLevel: ['funderLevel'],
  levers: ['lever'],
  policyFrames: ['policyFrame'],
};

function valueText(t: TFunction, language: string, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? t('projects.timeline.yes') : t('projects.timeline.no');
  if (field === 'amountCents' && typeof value === 'number') return formatEuros(value, language);
  if (Array.isArray(value)) return value.length ? value.map((v) => valueText(t, language, field, v)).join(', ') : '—';
  if (typeof value === 'object') {
    const named = value as { name?: unknown; organisationId?: unknown; role?: unknown };
    if (typeof named.name === 'string') return named.name;
    return JSON.stringify(value);
  }
  const text = String(value);
  for (const vocabulary of FIELD_VOCABULARIES[field] ?? []) {
    const label = t(`vocab.${vocabulary}.${text}`, { defaultValue: '' });
    if (label) return label;
  }
  return text;
}

/** Who changed what in the project, newest first. */
export function ProjectTimeline({ spaceId, projectId }: { spaceId: string; projectId: string }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const changes = useProjectChanges(spaceId, projectId);
  const fieldName = (field: string) => t(`projects.timeline.fields.${field}`, { defaultValue: field });

  const detailLines = (change: ProjectChangeView) =>
    Object.entries(change.details).map(([field, value]) => {
      if (change.action.endsWith('updated') && Array.isArray(value) && value.length === 2) {
        const [before, after] = value;
        return t('projects.timeline.changed', {
          field: fieldName(field),
          before: valueText(t, i18n.language, field, before),
          after: valueText(t, i18n.language, field, after),
        });
      }
      return t('projects.timeline.detail', { field: fieldName(field), value: valueText(t, i18n.language, field, value) });
    });

  return (
    <section className="section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('projects.timeline.title')}</h2>
      {changes.isPending ? <Loading /> : null}
      {changes.isError ? <ErrorAlert>{errorMessage(t, changes.error)}</ErrorAlert> : null}
      {changes.data?.length === 0 ? <p className="empty">{t('projects.timeline.empty')}</p> : null}
      {changes.data?.length ? (
        <ol className="timeline">
          {changes.data.map((change) => (
            <li key={change.id} className="timeline__item">
              <p className="timeline__head">
                <strong>{change.author?.displayName ?? t('projects.timeline.someone')}</strong>{' '}
                {t(`projects.timeline.actions.${change.action}`, { defaultValue: change.action })}
                {' — '}
                <time dateTime={change.at}>{formatDateTime(change.at, i18n.language)}</time>
              </p>
              {Object.keys(change.details).length > 0 ? (
                <ul className="timeline__details">
                  {detailLines(change).map((line, index) => (
                    <li key={index}>{line}</li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
