import type { SessionStatus, SessionSummary } from '@concerto/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSessions } from './sessions-api';
import { ErrorAlert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { errorMessage } from '../../ui/form-feedback';
import { formatDateTime } from '../../ui/format';
import { Loading } from '../../ui/loading';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useSpaceContext } from '../spaces/space-context';
import { SessionForm } from './session-form';
import { SessionStatusBadge } from './session-status-badge';
import './sessions.css';

const GROUPS: readonly SessionStatus[] = ['live', 'planned', 'closed'];

/** The space's concertation sessions (live, upcoming, past) and, for animateurs, the preparation form. */
export function SessionsTab() {
  const { t } = useTranslation();
  const { space } = useSpaceContext();
  useDocumentTitle(`${t('sessions.title')} – ${space.title}`);
  const sessions = useSessions(space.id);

  return (
    <section className="section">
      <h2>{t('sessions.title')}</h2>
      <p>{t('sessions.intro')}</p>
      {sessions.isPending ? <Loading /> : null}
      {sessions.isError ? (
        <ErrorAlert>
          <p>{errorMessage(t, sessions.error)}</p>
          <Button variant="secondary" onClick={() => void sessions.refetch()}>
            {t('errors.retry')}
          </Button>
        </ErrorAlert>
      ) : null}
      {sessions.data?.length === 0 ? <p className="empty">{t('sessions.empty')}</p> : null}
      {sessions.data && sessions.data.length > 0
        ? GROUPS.map((status) => <SessionGroup key={status} status={status} sessions={sessions.data.filter((s) => s.status === status)} />)
        : null}
      {space.myRole === 'animateur' ? <SessionForm spaceId={space.id} /> : null}
    </section>
  );
}

function SessionGroup({ status, sessions }: { status: SessionStatus; sessions: SessionSummary[] }) {
  const { t, i18n } = useTranslation();
  const id = `sessions-${status}`;
  return (
    <section className="session-group" aria-labelledby={id}>
      <h3 id={id}>
        {t(`sessions.groups.${status}`)} <span className="muted">({sessions.length})</span>
      </h3>
      {sessions.length === 0 ? (
        <p className="empty">{t('sessions.emptyGroup')}</p>
      ) : (
        <ul className="session-list">
          {sessions.map((session) => (
            <li key={session.id} className="card session-card">
              <h4 className="session-card__title">
                <Link to={`/seances/${session.id}`}>{session.title}</Link>
              </h4>
              <p className="session-card__meta">
                <span>{formatDateTime(session.scheduledAt, i18n.language)}</span>
                <span>{t(`vocab.sessionMode.${session.mode}`)}</span>
                {session.place ? <span>{session.place}</span> : null}
                <SessionStatusBadge status={session.status} />
              </p>
              {session.hasMinutes ? (
                <p className="session-card__minutes">
                  <Link to={`/seances/${session.id}/compte-rendu`}>{t('sessions.minutesOf', { title: session.title })}</Link>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
