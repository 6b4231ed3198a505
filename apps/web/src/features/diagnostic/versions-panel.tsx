import { CreateVersionRequest, roleAtLeast, type SpaceRole } from '@concerto/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateVersion, useRestoreVersion, useVersions } from './diagnostic-api';
import { ErrorAlert, StatusMessage } from '../../ui/alert';
import { Button } from '../../ui/button';
import { TextField } from '../../ui/field';
import { checkField, errorMessage } from '../../ui/form-feedback';
import { formatDateTime } from '../../ui/format';
import { Loading } from '../../ui/loading';
import { useConfirmedMutation } from '../../ui/use-confirmed-mutation';
import { VersionComparisonView, VersionContentView } from './version-views';

type Shown = { versionId: string; mode: 'content' | 'compare' } | null;

/** Saved versions of the diagnostic: save a named one, read one, compare it with today, restore it. */
export function VersionsPanel({ spaceId, role }: { spaceId: string; role: SpaceRole }) {
  const { t, i18n } = useTranslation();
  const versions = useVersions(spaceId);
  const create = useCreateVersion(spaceId);
  const restore = useRestoreVersion(spaceId);
  const confirmRestore = useConfirmedMutation(restore);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [message, setMessage] = useState<string | undefined>();
  const [shown, setShown] = useState<Shown>(null);
  const canSave = roleAtLeast(role, 'contributeur');
  const canRestore = roleAtLeast(role, 'contributeur');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkField(t, CreateVersionRequest.shape.name, name);
    if (!checked.ok) return setError(checked.error);
    const value = checked.value;
    setError(undefined);
    create.mutate(value, {
      onSuccess: (version) => {
        setName('');
        setMessage(t('diagnostic.versions.saved', { name: version.name }));
      },
    });
  };
  const restoreVersion = (versionId: string, versionName: string) => {
    confirmRestore(versionId, {
      question: t('diagnostic.versions.confirmRestore', { name: versionName }),
      onSuccess: () => setMessage(t('diagnostic.versions.restored', { name: versionName })),
    });
  };

  return (
    <div className="diagnostic-versions">
      {canSave ? (
        <form className="diagnostic-versions__form" onSubmit={submit} aria-label={t('diagnostic.versions.saveTitle')}>
          <TextField
            label={t('diagnostic.versions.name')}
            hint={t('diagnostic.versions.nameHint')}
            value={name}
            error={error}
            onChange={(e) => setName(e.target.value)}
          />
          <Button type="submit" busy={create.isPending}>
            {t('diagnostic.versions.save')}
          </Button>
        </form>
      ) : null}
      {create.error ? <ErrorAlert>{errorMessage(t, create.error)}</ErrorAlert> : null}
      {restore.error ? <ErrorAlert>{errorMessage(t, restore.error)}</ErrorAlert> : null}
      <StatusMessage>{message}</StatusMessage>
      {versions.isPending ? <Loading /> : null}
      {versions.isError ? <ErrorAlert>{errorMessage(t, versions.error)}</ErrorAlert> : null}
      {versions.data?.length === 0 ? <p>{t('diagnostic.versions.none')}</p> : null}
      {versions.data && versions.data.length > 0 ? (
        <ul className="diagnostic-versions__list">
          {versions.data.map((version) => (
            <li key={version.id} className="diagnostic-versions__item">
              <p>
                <strong>{version.name}</strong> — {t(`vocab.versionKind.${version.kind}`)},{' '}
                <time dateTime={version.createdAt}>{formatDateTime(version.createdAt, i18n.language)}</time>
                {version.createdBy ? `, ${t('diagnostic.versions.by', { name: version.createdBy.displayName })}` : ''}
              </p>
              {version.contributors.length > 0 ? (
                <p className="diagnostic-muted">
                  {t('diagnostic.versions.contributors', { names: version.contributors.map((c) => c.displayName).join(', ') })}
                </p>
              ) : null}
              <div className="diagnostic-actions">
                <Button
                  variant="secondary"
                  aria-pressed={shown?.versionId === version.id && shown.mode === 'content'}
                  onClick={() => setShown({ versionId: version.id, mode: 'content' })}
                >
                  {t('diagnostic.versions.view')}
                  <span className="sr-only"> « {version.name} »</span>
                </Button>
                <Button
                  variant="secondary"
                  aria-pressed={shown?.versionId === version.id && shown.mode === 'compare'}
                  onClick={() => setShown({ versionId: version.id, mode: 'compare' })}
                >
                  {t('diagnostic.versions.compare')}
                  <span className="sr-only"> « {version.name} »</span>
                </Button>
                {canRestore ? (
                  <Button
                    variant="danger"
                    busy={restore.isPending && restore.variables === version.id}
                    onClick={() => restoreVersion(version.id, version.name)}
                  >
                    {t('diagnostic.versions.restore')}
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
            {t('diagnostic.versions.hide')}
          </Button>
          {shown.mode === 'content' ? (
            <VersionContentView spaceId={spaceId} versionId={shown.versionId} />
          ) : (
            <VersionComparisonView spaceId={spaceId} versionId={shown.versionId} />
          )}
        </div>
      ) : null}
    </div>
  );
}
