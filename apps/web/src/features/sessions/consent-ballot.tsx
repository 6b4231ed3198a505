import { ConsentAnswer, type BallotView, type VoteView } from '@concerto/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { usePutBallot } from './votes-api';
import { vocabularyOptions } from '../../ui/vocabulary-options';
import { ErrorAlert, StatusMessage } from '../../ui/alert';
import { Button } from '../../ui/button';
import { RadioGroup } from '../../ui/choice-group';
import { TextAreaField } from '../../ui/field';
import { errorMessage } from '../../ui/form-feedback';

/** Consent: one of four answers; an objection must give its reason. */
export function ConsentBallot({ sessionId, vote, ballot }: { sessionId: string; vote: VoteView; ballot: BallotView }) {
  const { t } = useTranslation();
  const put = usePutBallot(sessionId, vote.id);
  const [answer, setAnswer] = useState<ConsentAnswer | null>(ballot.answer);
  const [reason, setReason] = useState(ballot.reason);
  const [error, setError] = useState<{ field: 'answer' | 'reason'; message: string } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(null);
    if (!answer) return setError({ field: 'answer', message: t('validation.required') });
    if (answer === 'objection' && reason.trim().length < 3) return setError({ field: 'reason', message: t('votes.consent.reasonRequired') });
    setError(null);
    put.mutate({ kind: 'consent', answer, reason: reason.trim() }, { onSuccess: () => setSaved(t('votes.consent.saved')) });
  };
  return (
    <form className="ballot" noValidate onSubmit={submit}>
      <RadioGroup
        legend={t('votes.consent.legend')}
        name={`consent-${vote.id}`}
        options={vocabularyOptions(t, ConsentAnswer)}
        value={answer}
        onChange={setAnswer}
        error={error?.field === 'answer' ? error.message : undefined}
      />
      {answer === 'objection' ? (
        <TextAreaField
          label={t('votes.consent.reason')}
          hint={t('votes.consent.reasonHint')}
          required
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={error?.field === 'reason' ? error.message : undefined}
        />
      ) : null}
      <Button type="submit" busy={put.isPending}>
        {t('votes.consent.submit')}
      </Button>
      <ErrorAlert>{put.isError ? errorMessage(t, put.error) : null}</ErrorAlert>
      <StatusMessage>{saved}</StatusMessage>
    </form>
  );
}
