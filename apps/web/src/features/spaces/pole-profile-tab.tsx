import { roleAtLeast } from '@concerto/domain';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';
import { useDocumentTitle } from '../../ui/use-document-title';
import { PoleProfileForm } from './pole-profile-form';
import { PoleProfileView } from './pole-profile-view';
import { RelationsSection } from './relations-section';
import { useSpaceContext } from './space-context';
import './spaces.css';

export function PoleProfileTab() {
  const { t, i18n } = useTranslation();
  const { space } = useSpaceContext();
  useDocumentTitle(`${t('pole.title')} – ${space.title}`);
  // The profile is shared by every space of the pole: the server says whether this member may change it.
  const canEdit = space.canEditPoleProfile;
  const reason = roleAtLeast(space.myRole, 'contributeur') ? 'sideSpace' : 'observer';
  return (
    <section className="section">
      <h2>{t('pole.title')}</h2>
      <p>{t('pole.intro')}</p>
      <p className="muted">{t('pole.updatedAt', { date: formatDateTime(space.pole.updatedAt, i18n.language) })}</p>
      {canEdit ? <PoleProfileForm key={space.pole.id} spaceId={space.id} pole={space.pole} /> : <PoleProfileView pole={space.pole} reason={reason} />}
      <RelationsSection spaceId={space.id} canEdit={canEdit} />
    </section>
  );
}
