import type { VoteView } from '@concerto/domain';
import { useTranslation } from 'react-i18next';
import type { SessionData } from './sessions-api';
import { useDecisions } from './votes-api';
import { ErrorAlert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { errorMessage } from '../../ui/form-feedback';
import { useDecisionFromVote } from './decision-from-vote-api';

/** A closed consent vote's outcome in words: adopted, or blocked by its objections (listed with the results). */
export function VoteOutcomeBadge({ vote, large = false }: { vote: VoteView; large?: boolean }) {
  const { t } = useTranslation();
  if (!vote.outcome) return null;
  const objections = vote.results?.objections.length ?? 0;
  return (
    <p className={`vote-outcome vote-outcome--${vote.outcome}${large ? ' vote-outcome--large' : ''}`} data-outcome={vote.outcome}>
      {vote.outcome === 'blocked' ? t('outcome.blocked', { count: objections }) : t(`outcome.${vote.outcome}`)}
    </p>
  );
}

/**
 * Under an adopted consent vote: the animateur records it as a decision in one action, once; then a link to it. A
 * participant who joined by code (`guest`) sees the outcome only: the decisions belong to the space's members.
 */
export function VoteOutcome({ session, vote, guest = false }: { session: SessionData; vote: VoteView; guest?: boolean }) {
  const { t } = useTranslation();
  const decisions = useDecisions(session.id, !guest);
  const record = useDecisionFromVote(session.id);
  const recorded = decisions.data?.find((d) => d.voteId === vote.id);
  const mayRecord = session.myRole === 'animateur' && session.status !== 'closed' && vote.outcome === 'adopted';
  return (
    <div className="vote-outcome-box">
      <VoteOutcomeBadge vote={vote} />
      {recorded ? (
        <p>
          <a href={`#decision-${recorded.id}`}>{t('outcome.recorded')}</a>
        </p>
      ) : mayRecord && decisions.data ? (
        <Button busy={record.isPending} aria-label={t('outcome.recordLabel', { title: vote.title })} onClick={() => record.mutate(vote.id)}>
          {t('outcome.record')}
        </Button>
      ) : null}
      <ErrorAlert>{record.isError ? errorMessage(t, record.error) : null}</ErrorAlert>
    </div>
  );
}
