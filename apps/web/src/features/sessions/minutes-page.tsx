import type { MinutesView } from '@concerto/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../api/client';
import { minutesExportUrl, useMinutes, type SessionData } from './sessions-api';
import { Notice } from '../../ui/alert';
import { errorMessage } from '../../ui/form-feedback';
import { formatDateTime } from '../../ui/format';
import { Loading } from '../../ui/loading';
import { useDocumentTitle } from '../../ui/use-document-title';
import { minutesText } from './durations';
import { SessionHeader } from './session-header';
import { SessionError, SessionNotFound } from './session-not-found';
import { useSessionPage } from './use-session-page';
import { VoteResults } from './vote-results';
import './sessions.css';

/** The minutes written at close: attendance, agenda with actual times, notes by cluster, votes, decisions. */
export function MinutesPage() {
  const { t } = useTranslation();
  const { sessionId, session, notFound, error } = useSessionPage({ attend: false });
  const closed = session.data?.status === 'closed';
  const minutes = useMinutes(sessionId, closed);
  useDocumentTitle(session.data ? t('minutes.title', { title: session.data.title }) : t('app.loading'));
  if (session.isPending) return <Loading />;
  if (notFound) return <SessionNotFound />;
  if (!session.data) return <SessionError message={error ?? ''} onRetry={() => void session.refetch()} />;
  return (
    <div className="page minutes-page">
      <SessionHeader session={session.data} title={t('minutes.title', { title: session.data.title })} />
      <p className="session-links">
        <Link to={`/seances/${sessionId}`}>{t('minutes.backToSession')}</Link>
      </p>
      {!closed ? <Notice>{t('minutes.notReady')}</Notice> : null}
      {closed && minutes.isPending ? <Loading /> : null}
      {minutes.isError && !isApiError(minutes.error, 404) ? (
        <SessionError message={errorMessage(t, minutes.error)} onRetry={() => void minutes.refetch()} />
      ) : null}
      {minutes.data ? <MinutesBody minutes={minutes.data} session={session.data} /> : null}
    </div>
  );
}

function MinutesBody({ minutes, session }: { minutes: MinutesView; session: SessionData }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  /** « (participant·e sans compte) » for who joined by code, « (invité·e externe) » for a guest, nothing for a member. */
  const personKind = (kind: MinutesView['attendance'][number]['kind'] | undefined) =>
    kind === 'guest' ? ` (${t('session.participants.guest')})` : kind === 'participant' ? ` (${t('join.participant')})` : '';
  const votes = [...minutes.agenda.flatMap((item) => item.votes), ...minutes.votes];
  return (
    <>
      <section className="section" aria-labelledby="minutes-download">
        <h2 id="minutes-download">{t('minutes.download')}</h2>
        <p className="actions">
          <a className="button button--secondary" href={minutesExportUrl(session.id, 'md')} download>
            {t('minutes.markdown')}
          </a>
          <a className="button button--secondary" href={minutesExportUrl(session.id, 'docx')} download>
            {t('minutes.word')}
          </a>
        </p>
        <p className="muted">
          {t('minutes.closedAt')} {formatDateTime(minutes.closedAt, lang)}
        </p>
      </section>
      <section className="section" aria-labelledby="minutes-attendance">
        <h2 id="minutes-attendance">{t('minutes.attendance')}</h2>
        <ul className="minutes-attendance">
          {minutes.attendance.map((person, i) => (
            <li key={i}>
              {person.displayName}
              {personKind(person.kind)} — {person.attended ? t('minutes.attended') : t('minutes.absent')}
            </li>
          ))}
        </ul>
      </section>
      <section className="section" aria-labelledby="minutes-agenda">
        <h2 id="minutes-agenda">{t('minutes.agenda')}</h2>
        <ol className="minutes-agenda">
          {minutes.agenda.map((item, i) => (
            <li key={i} className="minutes-item">
              <h3>{item.title}</h3>
              <p className="muted">
                {t('minutes.plannedActual', { planned: minutesText(item.plannedMinutes, lang), actual: minutesText(item.actualMinutes, lang) })}
                {item.lever ? ` · ${t(`vocab.lever.${item.lever}`)}` : ''}
              </p>
              {item.clusters.length === 0 ? <p className="empty">{t('minutes.noNotes')}</p> : null}
              {item.clusters.map((cluster, c) => (
                <div key={c} className="minutes-cluster">
                  <h4>{cluster.title || t('board.unclustered')}</h4>
                  <ul>
                    {cluster.notes.map((note, n) => (
                      <li key={n}>
                        {note.text}
                        <span className="muted">
                          {' '}
                          — {t(`vocab.noteCategory.${note.category}`, { defaultValue: note.category })}
                          {note.author ? `, ${note.author}${personKind(note.authorKind)}` : ''}
                        </span>
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </li>
          ))}
        </ol>
      </section>
      <section className="section" aria-labelledby="minutes-votes">
        <h2 id="minutes-votes">{t('minutes.votes')}</h2>
        {votes.length === 0 ? <p className="empty">{t('minutes.noVotes')}</p> : null}
        {votes.map((vote, v) => (
          <VoteResults key={v} title={vote.title} kind={vote.kind} results={vote.results} />
        ))}
      </section>
      <section className="section" aria-labelledby="minutes-decisions">
        <h2 id="minutes-decisions">{t('minutes.decisions')}</h2>
        {minutes.decisions.length === 0 ? <p className="empty">{t('minutes.noDecisions')}</p> : null}
        <ul className="minutes-decisions">
          {minutes.decisions.map((decision, d) => (
            <li key={d}>
              {decision.item ? <span className="muted">{t('labelBefore', { label: decision.item })}</span> : null}
              {decision.text}
              {decision.projectId ? (
                <>
                  {' '}
                  <Link to={`/espaces/${session.spaceId}/projets/${decision.projectId}`}>{t('decisions.project')}</Link>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
