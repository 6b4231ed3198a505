import type { DiagnosticSettings, SpaceRole } from '@concerto/domain';
import { useTranslation } from 'react-i18next';
import { diagnosticExportUrl, useUpdateDiagnosticSettings } from './diagnostic-api';
import { Button } from '../../ui/button';
import { DocumentTools } from '../../ui/document-tools';
import { errorMessage } from '../../ui/form-feedback';
import { VersionsPanel } from './versions-panel';

/** Around the text: export, who may comment (animateurs), and the saved versions. */
export function DiagnosticTools({ spaceId, role, settings }: { spaceId: string; role: SpaceRole; settings: DiagnosticSettings | undefined }) {
  const { t } = useTranslation();
  return (
    <DocumentTools
      downloads={{
        label: t('diagnostic.export.label'),
        links: [
          { href: diagnosticExportUrl(spaceId, 'md'), text: t('diagnostic.export.md') },
          { href: diagnosticExportUrl(spaceId, 'docx'), text: t('diagnostic.export.docx') },
        ],
      }}
      aside={role === 'animateur' && settings ? <CommentSetting spaceId={spaceId} settings={settings} /> : null}
      versionsTitle={t('diagnostic.versions.title')}
      versions={<VersionsPanel spaceId={spaceId} role={role} />}
    />
  );
}

/** Whether observateurs may comment (animateurs). */
function CommentSetting({ spaceId, settings }: { spaceId: string; settings: DiagnosticSettings }) {
  const { t } = useTranslation();
  const update = useUpdateDiagnosticSettings(spaceId);
  return (
    <div className="diagnostic-settings">
      <input
        id="diagnostic-observers-comment"
        type="checkbox"
        checked={settings.observersCanComment}
        aria-describedby="diagnostic-observers-comment-hint"
        onChange={(e) => update.mutate({ observersCanComment: e.target.checked })}
      />{' '}
      <label htmlFor="diagnostic-observers-comment">{t('diagnostic.settings.observersCanComment')}</label>
      <p className="field__hint" id="diagnostic-observers-comment-hint">
        {t('diagnostic.settings.hint')}
      </p>
      {update.error ? (
        <p className="field__error" role="alert">
          {errorMessage(t, update.error)}{' '}
          <Button variant="secondary" onClick={() => update.reset()}>
            {t('diagnostic.cancel')}
          </Button>
        </p>
      ) : null}
    </div>
  );
}
