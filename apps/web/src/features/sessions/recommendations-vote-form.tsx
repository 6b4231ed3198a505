import { RecommendationsVoteRequest, VoteKind } from '@concerto/domain';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, StatusMessage } from '../../ui/alert';
import { Button } from '../../ui/button';
import { CheckboxGroup, RadioGroup } from '../../ui/choice-group';
import { TextField } from '../../ui/field';
import { useFormFeedback, validate } from '../../ui/form-feedback';
import { vocabularyOptions } from '../../ui/vocabulary-options';
import { useRecommendations, useRecommendationsVote } from '../guide/recommendations-api';
import type { SessionData } from './sessions-api';

const FIELDS = ['recommendationIds', 'title', 'kind'];

/** The animateur of a live session opens a vote on a set of the space's recommendations (one option each). */
export function RecommendationsVoteForm({ session, itemId }: { session: SessionData; itemId: string | null }) {
  const { t } = useTranslation();
  const headingId = useId();
  const recommendations = useRecommendations(session.spaceId);
  const open = useRecommendationsVote(session.id, session.spaceId);
  const [picked, setPicked] = useState<string[]>([]);
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<VoteKind>('dot');
  const [opened, setOpened] = useState<string | null>(null);
  const { formRef, fieldErrors, formError, clear, showFieldErrors, showError } = useFormFeedback({ fields: FIELDS });
  const candidates = (recommendations.data ?? []).filter((r) => r.status === 'proposed' || r.status === 'debated');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (open.isPending) return;
    clear();
    setOpened(null);
    const checked = validate(t, RecommendationsVoteRequest, { recommendationIds: picked, title, kind, agendaItemId: itemId });
    if (!checked.ok) return showFieldErrors(checked.errors);
    open.mutate(checked.data, {
      onSuccess: () => {
        setOpened(t('recommendationsVote.opened', { title }));
        setPicked([]);
        setTitle('');
      },
      onError: showError,
    });
  };

  if (candidates.length < 2) return null;
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('recommendationsVote.heading')}</h2>
      <form className="form" ref={formRef} noValidate onSubmit={submit}>
        {formError ? <ErrorAlert>{formError}</ErrorAlert> : null}
        <CheckboxGroup
          legend={t('recommendationsVote.pick')}
          hint={t('recommendationsVote.pickHint')}
          name="recommendationIds"
          options={candidates.map((r) => ({ value: r.id, label: r.statement }))}
          value={picked}
          onChange={setPicked}
          error={fieldErrors.recommendationIds}
        />
        <TextField label={t('recommendationsVote.title')} required value={title} onChange={(e) => setTitle(e.target.value)} error={fieldErrors.title} />
        <RadioGroup
          legend={t('recommendationsVote.kind')}
          name="recommendations-vote-kind"
          options={vocabularyOptions(t, VoteKind)}
          value={kind}
          onChange={setKind}
          error={fieldErrors.kind}
        />
        <StatusMessage>{opened}</StatusMessage>
        <div className="form__actions">
          <Button type="submit" busy={open.isPending}>
            {t('recommendationsVote.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
