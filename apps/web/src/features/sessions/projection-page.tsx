import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SessionData } from './sessions-api';
import { useVotes } from './votes-api';
import { Loading } from '../../ui/loading';
import { useDocumentTitle } from '../../ui/use-document-title';
import { ContributionBoard } from './contribution-board';
import { ProjectionJoinCode } from './projection-join-code';
import { SessionError, SessionNotFound } from './session-not-found';
import { SessionTimer, useItemClock } from './session-timer';
import { useMutedSignal, useTimeUpTone } from './time-up-signal';
import { useBoard } from './use-board';
import { useSessionPage } from './use-session-page';
import { VoteOutcomeBadge } from './vote-outcome';
import { VoteResults } from './vote-results';
import './sessions.css';
import './projection.css';

/** The room's screen, outside the application's layout: full screen, read from the back of the room. */
export function ProjectionPage() {
  const { t } = useTranslation();
  const { session, notFound, error } = useSessionPage({ attend: false });
  useDocumentTitle(session.data ? `${t('session.projection')} – ${session.data.title}` : t('app.loading'));
  if (session.isPending) return <Loading />;
  if (notFound) return <SessionNotFound />;
  if (!session.data) return <SessionError message={error ?? ''} onRetry={() => void session.refetch()} />;
  return <Projection session={session.data} />;
}

function Projection({ session }: { session: SessionData }) {
  const { t } = useTranslation();
  const board = useBoard(session.id);
  const votes = useVotes(session.id);
  const current = session.agenda.find((item) => item.status === 'current');
  const shown = current ?? session.agenda[0];
  const visible = (votes.data ?? []).filter((vote) => vote.results && (vote.status === 'open' || vote.agendaItemId === shown?.id));
  const clock = useItemClock(current, session.clockOffset);
  const timeUp = !!current && !!clock && clock.overrun > 0;
  const { muted, toggle } = useMutedSignal();
  // One signal per item and planned time: extending the item and running out again sounds anew.
  const tones = useTimeUpTone(timeUp && current ? `${current.id}:${current.plannedMs + current.extraMs}` : null, muted);
  const fullScreen = () => void document.documentElement.requestFullscreen?.().catch(() => undefined);

  return (
    <main className={`projection${timeUp ? ' projection--time-up' : ''}`} id="main" data-tones={tones}>
      <div className="projection__bar">
        <Link to={`/seances/${session.id}`}>{t('minutes.backToSession')}</Link>
        <button type="button" className="projection__control" onClick={fullScreen}>
          {t('wall.fullScreen')}
        </button>
        <button type="button" className="projection__control" aria-pressed={muted} onClick={toggle}>
          {muted ? t('wall.muted') : t('wall.sound')}
        </button>
      </div>
      <h1 className="projection__title">{session.title}</h1>
      <div className="projection__top">
        <section className="projection__now" aria-labelledby="projection-item">
          <h2 id="projection-item" className="projection__item">
            {current ? t('wall.current', { title: current.title }) : t('wall.noCurrent')}
          </h2>
          <SessionTimer item={current} clockOffset={session.clockOffset} large />
          <div role="alert" className="projection__alert-slot">
            {timeUp && current ? <p className="projection__time-up">{t('wall.timeUp', { title: current.title })}</p> : null}
          </div>
        </section>
        <aside className="projection__join" aria-label={t('wall.join')}>
          <ProjectionJoinCode session={session} />
        </aside>
      </div>
      {shown ? (
        <section aria-labelledby="projection-board" className="projection__board">
          <h2 id="projection-board">{t('wall.board', { title: shown.title })}</h2>
          <ContributionBoard board={board} session={session} itemId={shown.id} presentation />
        </section>
      ) : null}
      {visible.length > 0 ? (
        <section aria-labelledby="projection-votes" className="projection__votes">
          <h2 id="projection-votes">{t('votes.heading')}</h2>
          {visible.map((vote) =>
            vote.results ? (
              <div key={vote.id} className="projection__vote" data-vote-id={vote.id}>
                <VoteResults title={vote.title} kind={vote.kind} results={vote.results} large />
                <VoteOutcomeBadge vote={vote} large />
              </div>
            ) : null,
          )}
        </section>
      ) : null}
    </main>
  );
}
