import { roleAtLeast, type VoteView } from '@concerto/domain';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';
import { useNow } from './use-now';
import type { SessionData } from './sessions-api';
import { useBallot, useCloseVote } from './votes-api';
import { ErrorAlert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { errorMessage } from '../../ui/form-feedback';
import { ConsentBallot } from './consent-ballot';
import { DotBallot } from './dot-ballot';
import { ScoreBallot } from './score-ballot';
import { VoteOutcome } from './vote-outcome';
import { VoteResults } from './vote-results';

/**
 * One vote: my ballot while it is open, its results when I may see them, and the animateur's close button. `guest`:
 * seen by a participant who joined by code (no account), who sees an outcome but not the space's decisions.
 */
export function VoteCard({ session, vote, guest = false }: { session: SessionData; vote: VoteView; guest?: boolean }) {
  const { t, i18n } = useTranslation();
  // The clock runs only while a closing time is ahead: the ballot goes when it passes, as the server refuses it then.
  const now = useNow(vote.status === 'open' && vote.closesAt !== null);
  const timedOut = vote.closesAt !== null && Date.parse(vote.closesAt) <= now;
  const accepting = vote.status === 'open' && !timedOut;
  const open = accepting && session.status === 'live';
  const canVote = roleAtLeast(session.myRole, 'contributeur');
  const ballot = useBallot(session.id, vote.id, open && canVote);
  const close = useCloseVote(session.id);
  const headingId = `vote-${vote.id}`;

  return (
    <article className="card vote-card" aria-labelledby={headingId}>
      <h3 id={headingId} className="vote-card__title">
        {vote.title}
      </h3>
      <p className="vote-card__meta">
        <span>{t(`vocab.voteKind.${vote.kind}`)}</span>
        <span className={`status vote-status--${accepting ? 'open' : 'closed'}`}>{accepting ? t('votes.open') : t('votes.closed')}</span>
        <span className="muted">{t(`vocab.resultsVisibility.${vote.resultsVisibility}`)}</span>
        {vote.closesAt && accepting ? (
          <span className="vote-card__closes">
            <time dateTime={vote.closesAt}>{t('votes.closesAt', { date: formatDateTime(vote.closesAt, i18n.language) })}</time>
          </span>
        ) : null}
      </p>
      {open && !canVote ? <p className="muted">{t('votes.cannotVote')}</p> : null}
      {open && ballot.data ? (
        vote.kind === 'dot' ? (
          <DotBallot sessionId={session.id} vote={vote} ballot={ballot.data} />
        ) : vote.kind === 'consent' ? (
          <ConsentBallot sessionId={session.id} vote={vote} ballot={ballot.data} />
        ) : (
          <ScoreBallot sessionId={session.id} vote={vote} ballot={ballot.data} />
        )
      ) : null}
      {vote.results ? <VoteResults title={vote.title} kind={vote.kind} results={vote.results} /> : <p className="muted">{t('votes.hidden')}</p>}
      {vote.outcome ? <VoteOutcome session={session} vote={vote} guest={guest} /> : null}
      {session.myRole === 'animateur' && open ? (
        <Button variant="secondary" busy={close.isPending} onClick={() => close.mutate(vote.id)}>
          {t('votes.close')}
        </Button>
      ) : null}
      <ErrorAlert>{close.isError ? errorMessage(t, close.error) : null}</ErrorAlert>
    </article>
  );
}
