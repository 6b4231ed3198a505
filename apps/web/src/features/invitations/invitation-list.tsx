import type { InvitationView } from '@concerto/domain';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useInvitations, useResendInvitation, useRevokeInvitation } from './invitations-api';
import { ErrorAlert, StatusMessage } from '../../ui/alert';
import { Button } from '../../ui/button';
import { DataTable } from '../../ui/data-table';
import { errorMessage } from '../../ui/form-feedback';
import { formatDate } from '../../ui/format';
import { Loading } from '../../ui/loading';
import { RoleBadge } from '../../ui/role-badge';
import { useActionFeedback, useConfirmedMutation } from '../../ui/use-confirmed-mutation';
import { invitationUrl } from './invitation-link';

export function InvitationList({ spaceId }: { spaceId: string }) {
  const { t, i18n } = useTranslation();
  const rowId = useId();
  const invitations = useInvitations(spaceId);
  const feedback = useActionFeedback();
  const revoke = useConfirmedMutation(useRevokeInvitation(spaceId), feedback);
  const resendMutation = useResendInvitation(spaceId);

  const onRevoke = (invitation: InvitationView) =>
    revoke(invitation.id, {
      question: t('invitations.confirmRevoke', { email: invitation.email }),
      success: t('invitations.revoked', { email: invitation.email }),
    });

  const onResend = (invitation: InvitationView) => {
    feedback.clear();
    resendMutation.mutate(invitation.id, {
      onSuccess: () => feedback.succeed(t('invitations.resent', { email: invitation.email })),
      onError: (error) => feedback.fail(errorMessage(t, error)),
    });
  };

  return (
    <section className="section">
      <h2>{t('invitations.listTitle')}</h2>
      <ErrorAlert>{feedback.error}</ErrorAlert>
      <StatusMessage>{feedback.status}</StatusMessage>
      {invitations.isPending ? <Loading /> : null}
      {invitations.isError ? <ErrorAlert>{errorMessage(t, invitations.error)}</ErrorAlert> : null}
      {invitations.data?.length === 0 ? <p className="empty">{t('invitations.empty')}</p> : null}
      {invitations.data?.length ? (
        <DataTable
          caption={t('invitations.caption')}
          captionClassName="sr-only"
          rows={invitations.data}
          rowKey={(invitation) => invitation.id}
          columns={[
            {
              key: 'recipient',
              header: t('invitations.recipient'),
              cellClassName: 'table__name',
              cellId: (_invitation, index) => `${rowId}-email-${index}`,
              cell: (invitation) => (
                <>
                  {invitation.email}
                  {invitation.status === 'pending' && invitation.link ? <code className="table__link">{invitationUrl(invitation.link)}</code> : null}
                </>
              ),
            },
            { key: 'role', header: t('invitations.role'), cell: (invitation) => <RoleBadge role={invitation.role} /> },
            {
              key: 'status',
              header: t('invitations.status'),
              cell: (invitation) => <span className={`status status--${invitation.status}`}>{t(`invitations.statuses.${invitation.status}`)}</span>,
            },
            {
              key: 'mail',
              header: t('invitations.mail'),
              cell: (invitation) =>
                invitation.mail ? (
                  <>
                    <span className={`status mail-status--${invitation.mail}`}>{t(`invitations.mailStatuses.${invitation.mail}`)}</span>
                    {invitation.mail === 'failed' && invitation.status === 'pending' ? (
                      <span className="invitation-mail__hint">{t('invitations.mailFailedHint')}</span>
                    ) : null}
                  </>
                ) : (
                  <span className="muted">{t('invitations.noMail')}</span>
                ),
            },
            { key: 'invitedBy', header: t('invitations.invitedBy'), cell: (invitation) => invitation.invitedBy },
            {
              key: 'expiresAt',
              header: t('invitations.expiresAt'),
              cell: (invitation) => formatDate(invitation.expiresAt, i18n.language),
            },
            {
              key: 'actions',
              header: t('invitations.actions'),
              cell: (invitation, index) =>
                invitation.status === 'pending' ? (
                  <div className="invitation-actions">
                    {invitation.mail !== 'pending' ? (
                      <Button
                        variant="secondary"
                        aria-describedby={`${rowId}-email-${index}`}
                        busy={resendMutation.isPending && resendMutation.variables === invitation.id}
                        onClick={() => onResend(invitation)}
                      >
                        {t('invitations.resend')}
                      </Button>
                    ) : null}
                    <Button variant="danger" aria-describedby={`${rowId}-email-${index}`} onClick={() => onRevoke(invitation)}>
                      {t('invitations.revoke')}
                    </Button>
                  </div>
                ) : null,
            },
          ]}
        />
      ) : null}
    </section>
  );
}
