import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SessionData } from './sessions-api';
import { Notice } from '../../ui/alert';
import { SelectField } from '../../ui/field';
import { Loading } from '../../ui/loading';
import { useDocumentTitle } from '../../ui/use-document-title';
import { AgendaView } from './agenda-view';
import { CloseSession } from './close-session';
import { ContributionBoard } from './contribution-board';
import { DecisionsPanel } from './decisions-panel';
import { EditSession } from './edit-session';
import { FacilitationControls, useFacilitation } from './facilitation-controls';
import { ParticipantsPanel } from './participants-panel';
import { RecommendationsVoteForm } from './recommendations-vote-form';
import { SessionHeader } from './session-header';
import { SessionError, SessionNotFound } from './session-not-found';
import { SessionTimer } from './session-timer';
import { useBoard } from './use-board';
import { useSessionPage } from './use-session-page';
import { VotesPanel } from './votes-panel';
import { JoinCodePanel } from '../session-join/join-code-panel';
import './sessions.css';

/** A concertation session, live: agenda and timer, board, votes, decisions; the animateur's controls. */
export function SessionPage() {
  const { t } = useTranslation();
  const { session, notFound, error } = useSessionPage({ attend: true });
  useDocumentTitle(session.data ? session.data.title : notFound ? t('session.notFoundTitle') : t('app.loading'));
  if (session.isPending) return <Loading />;
  if (notFound) return <SessionNotFound />;
  if (!session.data) return <SessionError message={error ?? ''} onRetry={() => void session.refetch()} />;
  return <LiveSession session={session.data} />;
}

/** "Follow the current item" is the empty choice; any other choice pins the board to that item. */
const FOLLOW = '';

function LiveSession({ session }: { session: SessionData }) {
  const { t } = useTranslation();
  const board = useBoard(session.id);
  const facilitation = useFacilitation(session);
  const [pinned, setPinned] = useState(FOLLOW);
  const animateur = session.myRole === 'animateur';
  const current = session.agenda.find((item) => item.status === 'current');
  const shown = session.agenda.find((item) => item.id === pinned) ?? current ?? session.agenda[0];
  const itemOptions = [
    { value: FOLLOW, label: current ? t('labelled', { label: t('session.timer.heading'), value: current.title }) : t('session.timer.heading') },
    ...session.agenda.map((item, i) => ({ value: item.id, label: `${i + 1}. ${item.title}` })),
  ];

  return (
    <div className="page session-page">
      <SessionHeader session={session} />
      <p className="session-links">
        <Link to={`/seances/${session.id}/projection`}>{t('session.projection')}</Link>
        {session.status === 'closed' ? <Link to={`/seances/${session.id}/compte-rendu`}>{t('session.minutes')}</Link> : null}
      </p>
      {animateur && session.status !== 'closed' ? <EditSession session={session} /> : null}
      {animateur && session.status !== 'closed' ? <JoinCodePanel sessionId={session.id} /> : null}
      {session.status === 'closed' ? <Notice>{t('session.closedNotice')}</Notice> : null}
      {session.status === 'planned' ? <Notice>{t('session.plannedNotice')}</Notice> : null}
      {session.myRole === 'observateur' ? <Notice>{t('session.readOnly')}</Notice> : null}
      <div className="session-live">
        <section className="section session-live__timer" aria-labelledby="timer-heading">
          <h2 id="timer-heading">{t('session.timer.heading')}</h2>
          <SessionTimer item={current} clockOffset={session.clockOffset} />
          {animateur && session.status !== 'closed' ? <FacilitationControls session={session} facilitation={facilitation} /> : null}
        </section>
        <AgendaView
          session={session}
          busy={facilitation.busy}
          onGoto={animateur ? (item) => facilitation.run({ action: 'goto', itemId: item.id }) : undefined}
        />
        <ParticipantsPanel session={session} />
      </div>
      <section className="section session-board" aria-labelledby="board-heading">
        <h2 id="board-heading">{shown ? t('labelled', { label: t('board.heading'), value: shown.title }) : t('board.heading')}</h2>
        {shown ? (
          <>
            <SelectField label={t('board.itemSelect')} options={itemOptions} value={pinned} onChange={(e) => setPinned(e.target.value)} />
            <ContributionBoard board={board} session={session} itemId={shown.id} />
          </>
        ) : (
          <p className="empty">{t('board.noItem')}</p>
        )}
      </section>
      <VotesPanel session={session} itemId={shown?.id ?? null} board={board} />
      {animateur && session.status === 'live' ? <RecommendationsVoteForm session={session} itemId={shown?.id ?? null} /> : null}
      <DecisionsPanel session={session} itemId={shown?.id ?? null} />
      {animateur && session.status === 'live' ? <CloseSession sessionId={session.id} /> : null}
    </div>
  );
}
