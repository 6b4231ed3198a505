import type { SpaceRole } from '@concerto/domain';
import { useTranslation } from 'react-i18next';
import { guideExportUrl, useGuideVersions } from './guide-document-api';
import { GuideDocumentPublication } from './guide-document-publication';
import { GuideDocumentVersions } from './guide-document-versions';

/** Around the guide's text: downloads (Word, PDF), its publication, and its frozen versions. */
export function GuideDocumentTools({ spaceId, role }: { spaceId: string; role: SpaceRole }) {
  const { t } = useTranslation();
  const versions = useGuideVersions(spaceId);
  return (
    <div className="diagnostic-tools guide-document-tools">
      <div className="diagnostic-tools__row">
        <p className="diagnostic-export">
          <span>{t('guide.document.export.label')}</span>{' '}
          <a className="button button--secondary" href={guideExportUrl(spaceId, 'docx')} download>
            {t('guide.document.export.docx')}
          </a>{' '}
          <a className="button button--secondary" href={guideExportUrl(spaceId, 'pdf')} download>
            {t('guide.document.export.pdf')}
          </a>
        </p>
      </div>
      <GuideDocumentPublication spaceId={spaceId} role={role} versions={versions.data} />
      <details className="diagnostic-tools__versions">
        <summary>{t('guide.document.versions.title')}</summary>
        <GuideDocumentVersions spaceId={spaceId} role={role} />
      </details>
    </div>
  );
}
