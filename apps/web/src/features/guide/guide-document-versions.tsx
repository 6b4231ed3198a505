import { CreateGuideVersionRequest, roleAtLeast, type GuideVersionSummary, type SpaceRole } from '@concerto/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { errorMessage } from '../../ui/form-feedback';
import { Loading } from '../../ui/loading';
import { SavedVersions } from '../../ui/saved-versions';
import { guideExportUrl, useCreateGuideVersion, useGuideVersion, useGuideVersions, useRestoreGuideVersion } from './guide-document-api';
import { GuideViewDocument } from './guide-view-document';

/**
 * The guide's frozen versions (the diagnostic's versions panel, for the guide): freeze one with a name — its text and
 * the values of its references as they read now —, read one with its date, download it, restore it (animateurs).
 */
export function GuideDocumentVersions({ spaceId, role }: { spaceId: string; role: SpaceRole }) {
  const { t } = useTranslation();
  const versions = useGuideVersions(spaceId);
  const create = useCreateGuideVersion(spaceId);
  const restore = useRestoreGuideVersion(spaceId);
  const [shown, setShown] = useState<string | null>(null);

  const download = (version: GuideVersionSummary, format: 'docx' | 'pdf') => (
    <a className="button button--secondary" href={guideExportUrl(spaceId, format, version.id)} download>
      {t(`guide.document.export.${format}`)}
      <span className="sr-only"> {t('guide.document.export.ofVersion', { name: version.name })}</span>
    </a>
  );

  return (
    <SavedVersions
      versions={versions}
      create={create}
      restore={restore}
      nameSchema={CreateGuideVersionRequest.shape.name}
      canSave={roleAtLeast(role, 'contributeur')}
      canRestore={role === 'animateur'}
      words={{
        formTitle: t('guide.document.versions.freezeTitle'),
        name: t('guide.document.versions.name'),
        nameHint: t('guide.document.versions.nameHint'),
        save: t('guide.document.versions.freeze'),
        none: t('guide.document.versions.none'),
        restore: t('guide.document.versions.restore'),
        hide: t('guide.document.versions.hide'),
        by: (name) => t('guide.document.versions.by', { name }),
        saved: (name) => t('guide.document.versions.frozen', { name }),
        confirmRestore: (name) => t('guide.document.versions.confirmRestore', { name }),
        restored: (name) => t('guide.document.versions.restored', { name }),
      }}
      afterAuthor={(version) => (version.published ? <span className="status guide-version__published">{t('guide.document.versions.published')}</span> : null)}
      actions={(version) => (
        <>
          <Button variant="secondary" aria-pressed={shown === version.id} onClick={() => setShown(shown === version.id ? null : version.id)}>
            {t('guide.document.versions.view')}
            <span className="sr-only"> {t('quoted', { text: version.name })}</span>
          </Button>
          {download(version, 'docx')}
          {download(version, 'pdf')}
        </>
      )}
      shown={shown ? <FrozenVersion spaceId={spaceId} versionId={shown} /> : null}
      onHide={() => setShown(null)}
    />
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
