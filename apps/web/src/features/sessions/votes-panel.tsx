import { useTranslation } from 'react-i18next';
import type { SessionData } from './sessions-api';
import { useVotes } from './votes-api';
import { ErrorAlert } from '../../ui/alert';
import { errorMessage } from '../../ui/form-feedback';
import { Loading } from '../../ui/loading';
import { NewVoteForm } from './new-vote-form';
import type { Board } from './use-board';
import { VoteCard } from './vote-card';

/** The session's votes, newest first, and the animateur's form to open one on the item shown on the board. */
export function VotesPanel({ session, itemId, board }: { session: SessionData; itemId: string | null; board: Board }) {
  const { t } = useTranslation();
  const votes = useVotes(session.id);
  return (
    <section className="section votes-panel" aria-labelledby="votes-heading">
      <h2 id="votes-heading">{t('votes.heading')}</h2>
      {votes.isPending ? <Loading /> : null}
      {votes.isError ? <ErrorAlert>{errorMessage(t, votes.error)}</ErrorAlert> : null}
      {votes.data?.length === 0 ? <p className="empty">{t('votes.empty')}</p> : null}
      <div className="votes-panel__list">
        {[...(votes.data ?? [])].reverse().map((vote) => (
          <VoteCard key={vote.id} session={session} vote={vote} />
        ))}
      </div>
      {session.myRole === 'animateur' && session.status === 'live' ? <NewVoteForm sessionId={session.id} itemId={itemId} board={board} /> : null}
    </section>
  );
}
