import { type BallotView, type VoteView, optionLabelIn } from '@concerto/domain';
import { currentLocale } from '../../i18n/locale';
import { useTranslation } from 'react-i18next';
import { useDot } from './votes-api';
import { ErrorAlert, StatusMessage } from '../../ui/alert';
import { errorMessage } from '../../ui/form-feedback';
import { IconButton } from './icon-button';

/** One dot more or less per option; the remaining dots are announced as they change. */
export function DotBallot({ sessionId, vote, ballot }: { sessionId: string; vote: VoteView; ballot: BallotView }) {
  const { t } = useTranslation();
  const dot = useDot(sessionId, vote.id);
  const left = Math.max(0, ballot.dotBudget - ballot.dotsUsed);
  const send = (option: string, delta: 1 | -1) => {
    if (!dot.isPending) dot.mutate({ option, delta });
  };
  return (
    <div className="ballot">
      <StatusMessage tone="info">{t('votes.dot.remaining', { count: left })}</StatusMessage>
      <ul className="dot-ballot">
        {vote.options
          .map((o) => ({ ...o, label: optionLabelIn(o, currentLocale()) }))
          .map((option) => {
            const mine = ballot.allocations[option.key] ?? 0;
            return (
              <li key={option.key} className="dot-ballot__row">
                <span className="dot-ballot__label">{option.label}</span>
                <span className="dot-ballot__controls">
                  <IconButton symbol="−" label={t('votes.dot.remove', { label: option.label })} disabled={mine === 0} onClick={() => send(option.key, -1)} />
                  <span className="dot-ballot__count">
                    <span className="sr-only">{t('labelBefore', { label: t('votes.dot.mine', { label: option.label }) })}</span>
                    {mine}
                  </span>
                  <IconButton symbol="+" label={t('votes.dot.add', { label: option.label })} disabled={left === 0} onClick={() => send(option.key, 1)} />
                </span>
              </li>
            );
          })}
      </ul>
      <ErrorAlert>{dot.isError ? errorMessage(t, dot.error) : null}</ErrorAlert>
    </div>
  );
}
