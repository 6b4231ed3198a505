import type { InvitationView } from '@concerto/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../ui/alert';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useSpaceContext } from '../spaces/space-context';
import { CreatedInvitation } from './created-invitation';
import { InvitationList } from './invitation-list';
import { InviteForm } from './invite-form';
import './invitations.css';

/** Facilitators invite people by link and follow the invitations of the space. */
export function InvitationsTab() {
  const { t } = useTranslation();
  const { space } = useSpaceContext();
  useDocumentTitle(`${t('space.tabs.invitations')} – ${space.title}`);
  const [created, setCreated] = useState<InvitationView | null>(null);

  if (space.myRole !== 'animateur') {
    return (
      <section className="section">
        <h2>{t('space.tabs.invitations')}</h2>
        <Notice>{t('invitations.animateurOnly')}</Notice>
      </section>
    );
  }

  return (
    <>
      <InviteForm spaceId={space.id} onCreated={setCreated} />
      {created ? <CreatedInvitation key={created.id} invitation={created} /> : null}
      <InvitationList spaceId={space.id} />
    </>
  );
}
