import { CreateGuideVersionRequest, roleAtLeast, type SpaceRole } from '@concerto/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, StatusMessage } from '../../ui/alert';
import { Button } from '../../ui/button';
import { TextField } from '../../ui/field';
import { checkField, errorMessage } from '../../ui/form-feedback';
import { formatDateTime } from '../../ui/format';
import { Loading } from '../../ui/loading';
import { useConfirmedMutation } from '../../ui/use-confirmed-mutation';
import { guideExportUrl, useCreateGuideVersion, useGuideVersion, useGuideVersions, useRestoreGuideVersion } from './guide-document-api';
import { GuideViewDocument } from './guide-view-document';

/**
 * The guide's frozen versions (the diagnostic's versions panel, for the guide): freeze one with a name — its text and
 * the values of its references as they read now —, read one with its date, download it, restore it (animateurs).
 */
export function GuideDocumentVersions({ spaceId, role }: { spaceId: string; role: SpaceRole }) {
  const { t, i18n } = useTranslation();
  const versions = useGuideVersions(spaceId);
  const create = useCreateGuideVersion(spaceId);
  const restore = useRestoreGuideVersion(spaceId);
  const confirmRestore = useConfirmedMutation(restore);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [message, setMessage] = useState<string | undefined>();
  const [shown, setShown] = useState<string | null>(null);
  const canFreeze = roleAtLeast(role, 'contributeur');
  const canRestore = role === 'animateur';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkField(t, CreateGuideVersionRequest.shape.name, name);
    if (!checked.ok) return setError(checked.error);
    setError(undefined);
    create.mutate(checked.value, {
      onSuccess: (version) => {
        setName('');
        setMessage(t('guide.document.versions.frozen', { name: version.name }));
      },
    });
  };
  const restoreVersion = (versionId: string, versionName: string) =>
    confirmRestore(versionId, {
      question: t('guide.document.versions.confirmRestore', { name: versionName }),
      onSuccess: () => setMessage(t('guide.document.versions.restored', { name: versionName })),
    });

  return (
    <div className="diagnostic-versions">
      {canFreeze ? (
        <form className="diagnostic-versions__form" onSubmit={submit} aria-label={t('guide.document.versions.freezeTitle')}>
          <TextField
            label={t('guide.document.versions.name')}
            hint={t('guide.document.versions.nameHint')}
            value={name}
            error={error}
            onChange={(e) => setName(e.target.value)}
          />
          <Button type="submit" busy={create.isPending}>
            {t('guide.document.versions.freeze')}
          </Button>
        </form>
      ) : null}
      {create.error ? <ErrorAlert>{errorMessage(t, create.error)}</ErrorAlert> : null}
      {restore.error ? <ErrorAlert>{errorMessage(t, restore.error)}</ErrorAlert> : null}
      <StatusMessage>{message}</StatusMessage>
      {versions.isPending ? <Loading /> : null}
      {versions.isError ? <ErrorAlert>{errorMessage(t, versions.error)}</ErrorAlert> : null}
      {versions.data?.length === 0 ? <p>{t('guide.document.versions.none')}</p> : null}
      {versions.data && versions.data.length > 0 ? (
        <ul className="diagnostic-versions__list">
          {versions.data.map((version) => (
            <li key={version.id} className="diagnostic-versions__item">
              <p>
                <strong>{version.name}</strong> — <time dateTime={version.createdAt}>{formatDateTime(version.createdAt, i18n.language)}</time>
                {version.createdBy ? `, ${t('guide.document.versions.by', { name: version.createdBy.displayName })}` : ''}
                {version.published ? <span className="status guide-version__published">{t('guide.document.versions.published')}</span> : null}
              </p>
              <div className="diagnostic-actions">
                <Button variant="secondary" aria-pressed={shown === version.id} onClick={() => setShown(shown === version.id ? null : version.id)}>
                  {t('guide.document.versions.view')}
                  <span className="sr-only"> « {version.name} »</span>
                </Button>
                <a className="button button--secondary" href={guideExportUrl(spaceId, 'docx', version.id)} download>
                  {t('guide.document.export.docx')}
                  <span className="sr-only"> {t('guide.document.export.ofVersion', { name: version.name })}</span>
                </a>
                <a className="button button--secondary" href={guideExportUrl(spaceId, 'pdf', version.id)} download>
                  {t('guide.document.export.pdf')}
                  <span className="sr-only"> {t('guide.document.export.ofVersion', { name: version.name })}</span>
                </a>
                {canRestore ? (
                  <Button
                    variant="danger"
                    busy={restore.isPending && restore.variables === version.id}
                    onClick={() => restoreVersion(version.id, version.name)}
                  >
                    {t('guide.document.versions.restore')}
                    <span className="sr-only"> « {version.name} »</span>
                  </Button>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      {shown ? (
        <div className="diagnostic-versions__shown">
          <Button variant="secondary" onClick={() => setShown(null)}>
            {t('guide.document.versions.hide')}
          </Button>
          <FrozenVersion spaceId={spaceId} versionId={shown} />
        </div>
      ) : null}
    </div>
  );
}

function FrozenVersion({ spaceId, versionId }: { spaceId: string; versionId: string }) {
  const { t } = useTranslation();
  const version = useGuideVersion(spaceId, versionId);
  if (version.isPending) return <Loading />;
  if (version.isError) return <ErrorAlert>{errorMessage(t, version.error)}</ErrorAlert>;
  return (
    <div
      className="diagnostic-version"
      role="region"
      aria-label={t('guide.document.versions.contentOf', { name: version.data.versionName ?? version.data.title })}
    >
      <GuideViewDocument view={version.data} level={4} />
    </div>
  );
}
