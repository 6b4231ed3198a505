import { type BallotView, type VoteView, optionLabelIn } from '@concerto/domain';
import { currentLocale } from '../../i18n/locale';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { usePutBallot } from './votes-api';
import { ErrorAlert, StatusMessage } from '../../ui/alert';
import { Button } from '../../ui/button';
import { SelectField } from '../../ui/field';
import { errorMessage } from '../../ui/form-feedback';

const SCORES = ['0', '1', '2', '3', '4', '5'];

/** Scores from 0 to 5, one per option; options left unscored are not sent. */
export function ScoreBallot({ sessionId, vote, ballot }: { sessionId: string; vote: VoteView; ballot: BallotView }) {
  const { t } = useTranslation();
  const put = usePutBallot(sessionId, vote.id);
  const [scores, setScores] = useState<Record<string, string>>(() => Object.fromEntries(Object.entries(ballot.scores).map(([k, v]) => [k, String(v)])));
  const [saved, setSaved] = useState<string | null>(null);
  const options = [{ value: '', label: t('votes.score.none') }, ...SCORES.map((value) => ({ value, label: value }))];
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(null);
    const chosen = Object.fromEntries(
      Object.entries(scores)
        .filter(([, v]) => v !== '')
        .map(([k, v]) => [k, Number(v)]),
    );
    put.mutate({ kind: 'score', scores: chosen }, { onSuccess: () => setSaved(t('votes.score.saved')) });
  };
  return (
    <form className="ballot score-ballot" noValidate onSubmit={submit}>
      {vote.options.map((option) => (
        <SelectField
          key={option.key}
          label={t('votes.score.label', { label: optionLabelIn(option, currentLocale()) })}
          options={options}
          className="input input--select input--short"
          value={scores[option.key] ?? ''}
          onChange={(e) => setScores({ ...scores, [option.key]: e.target.value })}
        />
      ))}
      <Button type="submit" busy={put.isPending}>
        {t('votes.score.submit')}
      </Button>
      <ErrorAlert>{put.isError ? errorMessage(t, put.error) : null}</ErrorAlert>
      <StatusMessage>{saved}</StatusMessage>
    </form>
  );
}
