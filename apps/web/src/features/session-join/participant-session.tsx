import type { JoinedView, NoteCategory } from '@concerto/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EventsProvider } from '../../api/events';
import { isApiError } from '../../api/client';
import { ErrorAlert, Notice, StatusMessage } from '../../ui/alert';
import { errorMessage } from '../../ui/form-feedback';
import { Loading } from '../../ui/loading';
import { NoteForm } from '../sessions/note-form';
import { useSessionEvents } from '../sessions/session-events';
import { SessionTimer } from '../sessions/session-timer';
import { type SessionData, useSession } from '../sessions/sessions-api';
import { useBoard } from '../sessions/use-board';
import { VoteCard } from '../sessions/vote-card';
import { useVotes } from '../sessions/votes-api';
import '../sessions/sessions.css';
import './session-join.css';

/** The session as a participant who joined by code sees it on a phone: the timer, the form to contribute, the votes. */
export function ParticipantSession({ joined }: { joined: JoinedView }) {
  return (
    <EventsProvider participantId={joined.accountId}>
      <ParticipantSessionContent joined={joined} />
    </EventsProvider>
  );
}

function ParticipantSessionContent({ joined }: { joined: JoinedView }) {
  const { t } = useTranslation();
  const session = useSession(joined.sessionId);
  useSessionEvents(joined.sessionId, { live: session.data?.status === 'live', attend: true });
  // Removed by the animateur: the token no longer opens anything (401), the page says why.
  const removed = isApiError(session.error, 401) || isApiError(session.error, 404);
  return (
    <main className="join-page" id="main">
      {session.isPending ? <Loading /> : null}
      {removed ? <ErrorAlert>{t('join.removed')}</ErrorAlert> : session.isError ? <ErrorAlert>{errorMessage(t, session.error)}</ErrorAlert> : null}
      {session.data && !removed ? <LiveParticipation session={session.data} joined={joined} /> : null}
    </main>
  );
}

function LiveParticipation({ session, joined }: { session: SessionData; joined: JoinedView }) {
  const { t } = useTranslation();
  const board = useBoard(session.id);
  const votes = useVotes(session.id);
  const [posted, setPosted] = useState<string | null>(null);
  const current = session.agenda.find((item) => item.status === 'current');
  const mine = current ? board.notes.filter((note) => note.itemId === current.id && note.authorId === joined.accountId) : [];

  const post = (text: string, category: NoteCategory) => {
    if (!current) return;
    board.addNote({
      itemId: current.id,
      text,
      category,
      authorId: session.anonymousNotes ? '' : joined.accountId,
      authorName: session.anonymousNotes ? '' : joined.displayName,
    });
    setPosted(t('join.posted'));
  };

  return (
    <>
      <h1>{session.title}</h1>
      <p className="muted">{t('join.you', { name: joined.displayName })}</p>
      {session.status === 'planned' ? <Notice>{t('join.planned')}</Notice> : null}
      {session.status === 'closed' ? <Notice>{t('session.closedNotice')}</Notice> : null}
      <section className="section join-page__timer" aria-labelledby="join-timer-heading">
        <h2 id="join-timer-heading">{current ? t('join.current', { title: current.title }) : t('join.noItem')}</h2>
        <SessionTimer item={current} clockOffset={session.clockOffset} />
      </section>
      {current && session.status === 'live' ? (
        <section className="section" aria-labelledby="join-contribute-heading">
          <h2 id="join-contribute-heading">{t('join.contribute')}</h2>
          <NoteForm onPost={post} disabled={board.readOnly || !board.state.document} />
          <StatusMessage>{posted}</StatusMessage>
          {mine.length > 0 ? (
            <>
              <h3>{t('join.myNotes')}</h3>
              <ul className="note-list">
                {mine.map((note) => (
                  <li key={note.id}>{note.text}</li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
      <section className="section" aria-labelledby="join-votes-heading">
        <h2 id="join-votes-heading">{t('votes.heading')}</h2>
        {votes.data?.length === 0 ? <p className="empty">{t('votes.empty')}</p> : null}
        {[...(votes.data ?? [])].reverse().map((vote) => (
          <VoteCard key={vote.id} session={session} vote={vote} guest />
        ))}
      </section>
    </>
  );
}
