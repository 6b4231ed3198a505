import type { InvitationView } from '@concerto/domain';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useInvitations, useRevokeInvitation } from './invitations-api';
import { ErrorAlert, StatusMessage } from '../../ui/alert';
import { Button } from '../../ui/button';
import { errorMessage } from '../../ui/form-feedback';
import { formatDate } from '../../ui/format';
import { Loading } from '../../ui/loading';
import { RoleBadge } from '../../ui/role-badge';
import { invitationUrl } from './invitation-link';

export function InvitationList({ spaceId }: { spaceId: string }) {
  const { t, i18n } = useTranslation();
  const captionId = useId();
  const invitations = useInvitations(spaceId);
  const revoke = useRevokeInvitation(spaceId);
  const [status, setStatus] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  const onRevoke = (invitation: InvitationView) => {
    if (!window.confirm(t('invitations.confirmRevoke', { email: invitation.email }))) return;
    setStatus(null);
    setActionError(null);
    revoke.mutate(invitation.id, {
      onSuccess: () => setStatus(t('invitations.revoked', { email: invitation.email })),
      onError: (error) => setActionError(errorMessage(t, error)),
    });
  };

  return (
    <section className="section">
      <h2>{t('invitations.listTitle')}</h2>
      <ErrorAlert>{actionError}</ErrorAlert>
      <StatusMessage>{status}</StatusMessage>
      {invitations.isPending ? <Loading /> : null}
      {invitations.isError ? <ErrorAlert>{errorMessage(t, invitations.error)}</ErrorAlert> : null}
      {invitations.data?.length === 0 ? <p className="empty">{t('invitations.empty')}</p> : null}
      {invitations.data?.length ? (
        <div className="table-wrapper" role="region" aria-labelledby={captionId} tabIndex={0}>
          <table className="table">
            <caption className="sr-only" id={captionId}>{t('invitations.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('invitations.recipient')}</th>
                <th scope="col">{t('invitations.role')}</th>
                <th scope="col">{t('invitations.status')}</th>
                <th scope="col">{t('invitations.invitedBy')}</th>
                <th scope="col">{t('invitations.expiresAt')}</th>
                <th scope="col">{t('invitations.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {invitations.data.map((invitation, index) => (
                <tr key={invitation.id}>
                  <td className="table__name" id={`${captionId}-email-${index}`}>
                    {invitation.email}
                    {invitation.status === 'pending' && invitation.link ? (
                      <code className="table__link">{invitationUrl(invitation.link)}</code>
                    ) : null}
                  </td>
                  <td>
                    <RoleBadge role={invitation.role} />
                  </td>
                  <td>
                    <span className={`status status--${invitation.status}`}>
                      {t(`invitations.statuses.${invitation.status}`)}
                    </span>
                  </td>
                  <td>{invitation.invitedBy}</td>
                  <td>{formatDate(invitation.expiresAt, i18n.language)}</td>
                  <td>
                    {invitation.status === 'pending' ? (
                      <Button
                        variant="danger"
                        aria-describedby={`${captionId}-email-${index}`}
                        onClick={() => onRevoke(invitation)}
                      >
                        {t('invitations.revoke')}
                      </Button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
