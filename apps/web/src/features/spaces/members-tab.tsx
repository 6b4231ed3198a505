import { SpaceRole, type MemberView } from '@concerto/domain';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/account';
import { useMembers, useRemoveMember, useUpdateMemberRole } from './members-api';
import { vocabularyOptions } from '../../ui/vocabulary-options';
import { ErrorAlert, StatusMessage } from '../../ui/alert';
import { Button } from '../../ui/button';
import { errorMessage } from '../../ui/form-feedback';
import { formatDate } from '../../ui/format';
import { Loading } from '../../ui/loading';
import { RoleBadge } from '../../ui/role-badge';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useSpaceContext } from './space-context';

export function MembersTab() {
  const { t, i18n } = useTranslation();
  const { space } = useSpaceContext();
  useDocumentTitle(`${t('members.title')} – ${space.title}`);
  const captionId = useId();
  const { data: me } = useMe();
  const members = useMembers(space.id);
  const updateRole = useUpdateMemberRole(space.id);
  const removeMember = useRemoveMember(space.id);
  const [status, setStatus] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const canManage = space.myRole === 'animateur';
  const roleOptions = vocabularyOptions(t, SpaceRole);

  const changeRole = (member: MemberView, role: SpaceRole) => {
    setStatus(null);
    setActionError(null);
    updateRole.mutate(
      { accountId: member.accountId, role },
      {
        onSuccess: () =>
          setStatus(t('members.roleUpdated', { name: member.displayName, role: t(`vocab.spaceRole.${role}`) })),
        onError: (error) => setActionError(errorMessage(t, error)),
      },
    );
  };

  const remove = (member: MemberView) => {
    if (!window.confirm(t('members.confirmRemove', { name: member.displayName }))) return;
    setStatus(null);
    setActionError(null);
    removeMember.mutate(member.accountId, {
      onSuccess: () => setStatus(t('members.removed', { name: member.displayName })),
      onError: (error) => setActionError(errorMessage(t, error)),
    });
  };

  return (
    <section className="section">
      <h2>{t('members.title')}</h2>
      <p className="muted">{t('members.rolesHelp')}</p>
      <ErrorAlert>{actionError}</ErrorAlert>
      <StatusMessage>{status}</StatusMessage>
      {members.isPending ? <Loading /> : null}
      {members.isError ? <ErrorAlert>{errorMessage(t, members.error)}</ErrorAlert> : null}
      {members.data ? (
        <div className="table-wrapper" role="region" aria-labelledby={captionId} tabIndex={0}>
          <table className="table">
            <caption className="sr-only" id={captionId}>{t('members.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('members.name')}</th>
                <th scope="col">{t('members.email')}</th>
                <th scope="col">{t('members.organisation')}</th>
                <th scope="col">{t('members.role')}</th>
                <th scope="col">{t('members.joinedAt')}</th>
                {canManage ? <th scope="col">{t('members.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {members.data.map((member, index) => (
                <tr key={member.accountId}>
                  <td className="table__name" id={`${captionId}-name-${index}`}>
                    {member.displayName}
                    {member.accountId === me?.id ? <span className="muted"> {t('members.you')}</span> : null}
                  </td>
                  <td className="table__email">{member.email}</td>
                  <td>
                    {member.organisation ? (
                      <>
                        {member.organisation.name}
                        <span className="table__sub">{t(`vocab.organisationKind.${member.organisation.kind}`)}</span>
                      </>
                    ) : (
                      <span className="muted">{t('members.none')}</span>
                    )}
                  </td>
                  <td>
                    {canManage ? (
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
                    )}
                  </td>
                  <td>{formatDate(member.joinedAt, i18n.language)}</td>
                  {canManage ? (
                    <td>
                      <Button
                        variant="danger"
                        aria-describedby={`${captionId}-name-${index}`}
                        onClick={() => remove(member)}
                      >
                        {t('members.remove')}
                      </Button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
