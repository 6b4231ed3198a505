import { SpaceRole, type MemberView } from '@concerto/domain';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/account';
import { useMembers, useRemoveMember, useUpdateMemberRole } from './members-api';
import { vocabularyOptions } from '../../ui/vocabulary-options';
import { ErrorAlert, StatusMessage } from '../../ui/alert';
import { Button } from '../../ui/button';
import { DataTable } from '../../ui/data-table';
import { errorMessage } from '../../ui/form-feedback';
import { formatDate } from '../../ui/format';
import { Loading } from '../../ui/loading';
import { RoleBadge } from '../../ui/role-badge';
import { useActionFeedback, useConfirmedMutation } from '../../ui/use-confirmed-mutation';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useSpaceContext } from './space-context';
import { organisationKindLabel } from '../../ui/organisation-kind';

export function MembersTab() {
  const { t, i18n } = useTranslation();
  const { space } = useSpaceContext();
  useDocumentTitle(`${t('members.title')} – ${space.title}`);
  const rowId = useId();
  const { data: me } = useMe();
  const members = useMembers(space.id);
  const updateRole = useUpdateMemberRole(space.id);
  const feedback = useActionFeedback();
  const removeMember = useConfirmedMutation(useRemoveMember(space.id), feedback);
  const canManage = space.myRole === 'animateur';
  const roleOptions = vocabularyOptions(t, SpaceRole);

  const changeRole = (member: MemberView, role: SpaceRole) => {
    feedback.clear();
    updateRole.mutate(
      { accountId: member.accountId, role },
      {
        onSuccess: () => feedback.succeed(t('members.roleUpdated', { name: member.displayName, role: t(`vocab.spaceRole.${role}`) })),
        onError: (error) => feedback.fail(errorMessage(t, error)),
      },
    );
  };

  const remove = (member: MemberView) =>
    removeMember(member.accountId, {
      question: t('members.confirmRemove', { name: member.displayName }),
      success: t('members.removed', { name: member.displayName }),
    });

  return (
    <section className="section">
      <h2>{t('members.title')}</h2>
      <p className="muted">{t('members.rolesHelp')}</p>
      <ErrorAlert>{feedback.error}</ErrorAlert>
      <StatusMessage>{feedback.status}</StatusMessage>
      {members.isPending ? <Loading /> : null}
      {members.isError ? <ErrorAlert>{errorMessage(t, members.error)}</ErrorAlert> : null}
      {members.data ? (
        <DataTable
          caption={t('members.caption')}
          captionClassName="sr-only"
          rows={members.data}
          rowKey={(member) => member.accountId}
          columns={[
            {
              key: 'name',
              header: t('members.name'),
              cellClassName: 'table__name',
              cellId: (_member, index) => `${rowId}-name-${index}`,
              cell: (member) => (
                <>
                  {member.displayName}
                  {member.accountId === me?.id ? <span className="muted"> {t('members.you')}</span> : null}
                </>
              ),
            },
            { key: 'email', header: t('members.email'), cellClassName: 'table__email', cell: (member) => member.email },
            {
              key: 'organisation',
              header: t('members.organisation'),
              cell: (member) =>
                member.organisation ? (
                  <>
                    {member.organisation.name}
                    <span className="table__sub">{organisationKindLabel(t, member.organisation)}</span>
                  </>
                ) : (
                  <span className="muted">{t('members.none')}</span>
                ),
            },
            {
              key: 'role',
              header: t('members.role'),
              cell: (member) =>
                canManage ? (
                  <select
                    className="input input--select input--compact"
                    aria-label={t('members.roleOf', { name: member.displayName })}
                    value={member.role}
                    onChange={(e) => changeRole(member, e.target.value as SpaceRole)}
                  >
                    {roleOptions.map((option) => (
                      <option key={option.value} value={option.value}>
                        {option.label}
                      </option>
                    ))}
                  </select>
                ) : (
                  <RoleBadge role={member.role} />
                ),
            },
            { key: 'joinedAt', header: t('members.joinedAt'), cell: (member) => formatDate(member.joinedAt, i18n.language) },
            canManage && {
              key: 'actions',
              header: t('members.actions'),
              cell: (member, index) => (
                <Button variant="danger" aria-describedby={`${rowId}-name-${index}`} onClick={() => remove(member)}>
                  {t('members.remove')}
                </Button>
              ),
            },
          ]}
        />
      ) : null}
    </section>
  );
}
