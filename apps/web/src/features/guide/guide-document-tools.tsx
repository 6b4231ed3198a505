import type { SpaceRole } from '@concerto/domain';
import { useTranslation } from 'react-i18next';
import { DocumentTools } from '../../ui/document-tools';
import { guideExportUrl, useGuideVersions } from './guide-document-api';
import { GuideDocumentPublication } from './guide-document-publication';
import { GuideDocumentVersions } from './guide-document-versions';

/** Around the guide's text: downloads (Word, PDF), its publication, and its frozen versions. */
export function GuideDocumentTools({ spaceId, role }: { spaceId: string; role: SpaceRole }) {
  const { t } = useTranslation();
  const versions = useGuideVersions(spaceId);
  return (
    <DocumentTools
      className="guide-document-tools"
      downloads={{
        label: t('guide.document.export.label'),
        links: [
          { href: guideExportUrl(spaceId, 'docx'), text: t('guide.document.export.docx') },
          { href: guideExportUrl(spaceId, 'pdf'), text: t('guide.document.export.pdf') },
        ],
      }}
      versionsTitle={t('guide.document.versions.title')}
      versions={<GuideDocumentVersions spaceId={spaceId} role={role} />}
    >
      <GuideDocumentPublication spaceId={spaceId} role={role} versions={versions.data} />
    </DocumentTools>
  );
}
