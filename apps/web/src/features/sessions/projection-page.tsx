import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SessionData } from './sessions-api';
import { useVotes } from './votes-api';
import { Loading } from '../../ui/loading';
import { useDocumentTitle } from '../../ui/use-document-title';
import { ContributionBoard } from './contribution-board';
import { SessionError, SessionNotFound } from './session-not-found';
import { SessionTimer } from './session-timer';
import { useBoard } from './use-board';
import { useSessionPage } from './use-session-page';
import { VoteResults } from './vote-results';
import './sessions.css';

/** For the room's screen: the current item, its big timer, its board and the open votes' visible results. */
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

  return (
    <div className="projection">
      <p className="projection__back">
        <Link to={`/seances/${session.id}`}>{t('minutes.backToSession')}</Link>
      </p>
      <h1 className="projection__title">{session.title}</h1>
      <SessionTimer item={current} clockOffset={session.clockOffset} large />
      {shown ? (
        <section aria-labelledby="projection-board">
          <h2 id="projection-board">
            {t('board.heading')} : {shown.title}
          </h2>
          <ContributionBoard board={board} session={session} itemId={shown.id} presentation />
        </section>
      ) : null}
      {visible.length > 0 ? (
        <section aria-labelledby="projection-votes">
          <h2 id="projection-votes">{t('votes.heading')}</h2>
          {visible.map((vote) => (vote.results ? <VoteResults key={vote.id} title={vote.title} kind={vote.kind} results={vote.results} large /> : null))}
        </section>
      ) : null}
    </div>
  );
}
