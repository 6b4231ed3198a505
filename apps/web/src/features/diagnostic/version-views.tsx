import { useTranslation } from 'react-i18next';
import { useVersionComparison, useVersionContent } from './diagnostic-api';
import { ErrorAlert } from '../../ui/alert';
import { errorMessage } from '../../ui/form-feedback';
import { Loading } from '../../ui/loading';
import { MarkdownBlocks } from './markdown-blocks';

/** A saved version, read-only: its sections as plain headings, paragraphs, lists and tables. */
export function VersionContentView({ spaceId, versionId }: { spaceId: string; versionId: string }) {
  const { t } = useTranslation();
  const content = useVersionContent(spaceId, versionId);
  if (content.isPending) return <Loading />;
  if (content.isError) return <ErrorAlert>{errorMessage(t, content.error)}</ErrorAlert>;
  return (
    <div className="diagnostic-version" aria-label={t('diagnostic.versions.contentOf', { name: content.data.name })} role="region">
      <h4>{t('diagnostic.versions.contentOf', { name: content.data.name })}</h4>
      {content.data.sections
        .filter((s) => !s.archived)
        .map((section) => (
          <div key={section.id} className="diagnostic-version__section">
            <h5>{section.title}</h5>
            {section.markdown.trim() ? (
              <MarkdownBlocks markdown={section.markdown} baseLevel={5} />
            ) : (
              <p className="diagnostic-muted">{t('diagnostic.versions.emptySection')}</p>
            )}
          </div>
        ))}
    </div>
  );
}

/** What changed since a version, section by section: insertions and deletions marked in the text itself. */
export function VersionComparisonView({ spaceId, versionId }: { spaceId: string; versionId: string }) {
  const { t } = useTranslation();
  const comparison = useVersionComparison(spaceId, versionId);
  if (comparison.isPending) return <Loading />;
  if (comparison.isError) return <ErrorAlert>{errorMessage(t, comparison.error)}</ErrorAlert>;
  const changed = comparison.data.sections.filter((s) => s.change !== 'unchanged');
  const title = t('diagnostic.versions.compareTitle', { name: comparison.data.version.name });
  return (
    <div className="diagnostic-version" role="region" aria-label={title}>
      <h4>{title}</h4>
      <p className="diagnostic-legend">
        {t('diagnostic.versions.legend')} <ins>{t('diagnostic.versions.added')}</ins> <del>{t('diagnostic.versions.removed')}</del>
      </p>
      {changed.length === 0 ? <p>{t('diagnostic.versions.noChange')}</p> : null}
      {changed.map((section) => (
        <div key={section.id} className="diagnostic-version__section">
          <h5>
            {section.title} <span className="diagnostic-muted">({t(`diagnostic.versions.change.${section.change}`)})</span>
          </h5>
          <p className="diagnostic-diff">
            {section.runs.map((run, i) =>
              run.op === 'added' ? (
                <ins key={i}>
                  <span className="sr-only">{t('diagnostic.versions.addedStart')}</span>
                  {run.text}
                  <span className="sr-only">{t('diagnostic.versions.addedEnd')}</span>
                </ins>
              ) : run.op === 'removed' ? (
                <del key={i}>
                  <span className="sr-only">{t('diagnostic.versions.removedStart')}</span>
                  {run.text}
                  <span className="sr-only">{t('diagnostic.versions.removedEnd')}</span>
                </del>
              ) : (
                <span key={i}>{run.text}</span>
              ),
            )}
          </p>
        </div>
      ))}
    </div>
  );
}
