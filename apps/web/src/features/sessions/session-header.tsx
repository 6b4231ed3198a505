import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../api/account';
import type { SessionData } from './sessions-api';
import { spaceQuery } from '../spaces/spaces-api';
import { formatDateTime } from '../../ui/format';
import { RoleBadge } from '../../ui/role-badge';
import { SessionStatusBadge } from './session-status-badge';

/** Whether I take part as a guest (not a member of the session's space). */
export function useIsGuest(session: SessionData | undefined): boolean {
  const { data: me } = useMe();
  return !!session && !!me && session.participants.some((p) => p.accountId === me.id && p.kind === 'guest');
}

/** Title, date, place or link, mode, status, my role; the space's name when I am one of its members. */
export function SessionHeader({ session, title }: { session: SessionData; title?: string }) {
  const { t, i18n } = useTranslation();
  const guest = useIsGuest(session);
  const space = useQuery({ ...spaceQuery(session.spaceId), enabled: !guest, retry: false });

  return (
    <div className="space-header session-header">
      {space.data ? (
        <p className="space-header__back">
          <Link to={`/espaces/${session.spaceId}/seances`}>{t('session.backToSessions')}</Link>
        </p>
      ) : null}
      <h1>{title ?? session.title}</h1>
      <dl className="space-header__meta">
        {space.data ? (
          <div>
            <dt>{t('session.space')}</dt>
            <dd>{space.data.title}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('session.date')}</dt>
          <dd>{formatDateTime(session.scheduledAt, i18n.language)}</dd>
        </div>
        {session.startedAt ? (
          <div>
            <dt>{t('session.startedAt')}</dt>
            <dd>{formatDateTime(session.startedAt, i18n.language)}</dd>
          </div>
        ) : null}
        {session.place ? (
          <div>
            <dt>{t('session.place')}</dt>
            <dd>{session.place}</dd>
          </div>
        ) : null}
        {session.link ? (
          <div>
            <dt>{t('session.link')}</dt>
            <dd>
              <a href={session.link} rel="noreferrer noopener" target="_blank">
                {session.link}
              </a>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t('session.mode')}</dt>
          <dd>{t(`vocab.sessionMode.${session.mode}`)}</dd>
        </div>
        <div>
          <dt>{t('session.status')}</dt>
          <dd>
            <SessionStatusBadge status={session.status} />
          </dd>
        </div>
        <div>
          <dt>{t('session.myRole')}</dt>
          <dd>
            <RoleBadge role={session.myRole} /> {guest ? <span className="muted">{t('session.guest')}</span> : null}
          </dd>
        </div>
      </dl>
    </div>
  );
}
