import { CreateVersionRequest, roleAtLeast, type SpaceRole, type VersionView } from '@concerto/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateVersion, useRestoreVersion, useVersions } from './diagnostic-api';
import { Button } from '../../ui/button';
import { SavedVersions } from '../../ui/saved-versions';
import { VersionComparisonView, VersionContentView } from './version-views';

type Shown = { versionId: string; mode: 'content' | 'compare' } | null;

/** Saved versions of the diagnostic: save a named one, read one, compare it with today, restore it. */
export function VersionsPanel({ spaceId, role }: { spaceId: string; role: SpaceRole }) {
  const { t } = useTranslation();
  const versions = useVersions(spaceId);
  const create = useCreateVersion(spaceId);
  const restore = useRestoreVersion(spaceId);
  const [shown, setShown] = useState<Shown>(null);

  const action = (version: VersionView, mode: 'content' | 'compare', label: string) => (
    <Button variant="secondary" aria-pressed={shown?.versionId === version.id && shown.mode === mode} onClick={() => setShown({ versionId: version.id, mode })}>
      {label}
      <span className="sr-only"> {t('quoted', { text: version.name })}</span>
    </Button>
  );

  return (
    <SavedVersions
      versions={versions}
      create={create}
      restore={restore}
      nameSchema={CreateVersionRequest.shape.name}
      canSave={roleAtLeast(role, 'contributeur')}
      canRestore={roleAtLeast(role, 'contributeur')}
      words={{
        formTitle: t('diagnostic.versions.saveTitle'),
        name: t('diagnostic.versions.name'),
        nameHint: t('diagnostic.versions.nameHint'),
        save: t('diagnostic.versions.save'),
        none: t('diagnostic.versions.none'),
        restore: t('diagnostic.versions.restore'),
        hide: t('diagnostic.versions.hide'),
        by: (name) => t('diagnostic.versions.by', { name }),
        saved: (name) => t('diagnostic.versions.saved', { name }),
        confirmRestore: (name) => t('diagnostic.versions.confirmRestore', { name }),
        restored: (name) => t('diagnostic.versions.restored', { name }),
      }}
      beforeDate={(version) => `${t(`vocab.versionKind.${version.kind}`)}, `}
      below={(version) =>
        version.contributors.length > 0 ? (
          <p className="diagnostic-muted">{t('diagnostic.versions.contributors', { names: version.contributors.map((c) => c.displayName).join(', ') })}</p>
        ) : null
      }
      actions={(version) => (
        <>
          {action(version, 'content', t('diagnostic.versions.view'))}
          {action(version, 'compare', t('diagnostic.versions.compare'))}
        </>
      )}
      shown={
        shown === null ? null : shown.mode === 'content' ? (
          <VersionContentView spaceId={spaceId} versionId={shown.versionId} />
        ) : (
          <VersionComparisonView spaceId={spaceId} versionId={shown.versionId} />
        )
      }
      onHide={() => setShown(null)}
    />
  );
}
