import type { DiagnosticSettings, SpaceRole } from '@concerto/domain';
import { useTranslation } from 'react-i18next';
import { diagnosticExportUrl, useUpdateDiagnosticSettings } from './diagnostic-api';
import { Button } from '../../ui/button';
import { errorMessage } from '../../ui/form-feedback';
import { VersionsPanel } from './versions-panel';

/** Around the text: export, who may comment (animateurs), and the saved versions. */
export function DiagnosticTools({ spaceId, role, settings }: { spaceId: string; role: SpaceRole; settings: DiagnosticSettings | undefined }) {
  const { t } = useTranslation();
  const update = useUpdateDiagnosticSettings(spaceId);
  return (
    <div className="diagnostic-tools">
      <div className="diagnostic-tools__row">
        <p className="diagnostic-export">
          <span>{t('diagnostic.export.label')}</span>{' '}
          <a className="button button--secondary" href={diagnosticExportUrl(spaceId, 'md')} download>
            {t('diagnostic.export.md')}
          </a>{' '}
          <a className="button button--secondary" href={diagnosticExportUrl(spaceId, 'docx')} download>
            {t('diagnostic.export.docx')}
          </a>
        </p>
        {role === 'animateur' && settings ? (
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
        ) : null}
      </div>
      <details className="diagnostic-tools__versions">
        <summary>{t('diagnostic.versions.title')}</summary>
        <VersionsPanel spaceId={spaceId} role={role} />
      </details>
    </div>
  );
}
