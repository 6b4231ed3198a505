import { CreateVoteRequest, Lever, ResultsVisibility, VoteKind, labelOf } from '@concerto/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateVote } from './votes-api';
import { vocabularyOptions } from '../../ui/vocabulary-options';
import { ErrorAlert, StatusMessage } from '../../ui/alert';
import { Button } from '../../ui/button';
import { RadioGroup } from '../../ui/choice-group';
import { Field, TextField } from '../../ui/field';
import { useFormFeedback, validate } from '../../ui/form-feedback';
import type { Board } from './use-board';
import { localInputToIso } from './durations';

type Source = 'levers' | 'clusters' | 'notes';
const FIELDS = ['kind', 'title', 'options', 'dotsPerParticipant', 'resultsVisibility', 'closesAt'];
const fieldFor = (path: string) => (path.startsWith('options') ? 'options' : path);

/** The animateur opens a vote on the 8 levers, or on the current item's clusters or notes. */
export function NewVoteForm({ sessionId, itemId, board }: { sessionId: string; itemId: string | null; board: Board }) {
  const { t } = useTranslation();
  const create = useCreateVote(sessionId);
  const [kind, setKind] = useState<VoteKind>('dot');
  const [title, setTitle] = useState('');
  const [source, setSource] = useState<Source>('levers');
  const [dots, setDots] = useState('8');
  const [visibility, setVisibility] = useState<ResultsVisibility>('live');
  /** The closing time as typed (`datetime-local`, the browser's time zone); empty for none. */
  const [closesAt, setClosesAt] = useState('');
  const [opened, setOpened] = useState<string | null>(null);
  const { formRef, fieldErrors, formError, clear, showFieldErrors, showError } = useFormFeedback({ fields: FIELDS, fieldFor });

  const optionsOf = (from: Source) => {
    // Lever options keep their French labels: the minutes and exports are written in French.
    if (from === 'levers') return Lever.keys.map((key) => ({ key, label: labelOf(Lever, key, 'fr') }));
    if (from === 'clusters') return board.clusters.filter((c) => c.itemId === itemId).map((c) => ({ key: c.id, label: c.title || t('board.untitled') }));
    return board.notes.filter((n) => n.itemId === itemId).map((n) => ({ key: n.id, label: n.text.slice(0, 300) }));
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    clear();
    setOpened(null);
    const options = kind === 'consent' ? [] : optionsOf(source);
    const checked = validate(
      t,
      CreateVoteRequest,
      {
        kind,
        title,
        agendaItemId: itemId,
        options,
        dotsPerParticipant: dots.trim() === '' ? Number.NaN : Number(dots),
        resultsVisibility: visibility,
        closesAt: closesAt ? localInputToIso(closesAt) : null,
      },
      fieldFor,
    );
    if (checked.ok && checked.data.closesAt !== null && Date.parse(checked.data.closesAt) <= Date.now()) {
      return showFieldErrors({ closesAt: t('votes.create.closesAtPast') });
    }
    if (!checked.ok) {
      if (checked.errors.options) checked.errors.options = t('votes.create.noOptions');
      return showFieldErrors(checked.errors);
    }
    create.mutate(checked.data, {
      onSuccess: (vote) => {
        setTitle('');
        setClosesAt('');
        setOpened(t('votes.create.opened', { title: vote.title }));
      },
      onError: showError,
    });
  };

  return (
    <form className="card form new-vote" ref={formRef} noValidate onSubmit={submit} aria-labelledby="new-vote-title">
      <h3 id="new-vote-title">{t('votes.create.heading')}</h3>
      <ErrorAlert>{formError}</ErrorAlert>
      <RadioGroup legend={t('votes.create.kind')} name="vote-kind" options={vocabularyOptions(t, VoteKind)} value={kind} onChange={setKind} />
      <TextField label={t('votes.create.title')} value={title} onChange={(e) => setTitle(e.target.value)} error={fieldErrors.title} />
      {kind !== 'consent' ? (
        <RadioGroup
          legend={t('votes.create.source')}
          name="vote-source"
          options={(['levers', 'clusters', 'notes'] as const).map((value) => ({ value, label: `${t(`votes.create.${value}`)} (${optionsOf(value).length})` }))}
          value={source}
          onChange={setSource}
          error={fieldErrors.options}
        />
      ) : null}
      {kind === 'dot' ? (
        <TextField
          label={t('votes.create.dots')}
          className="input input--short"
          inputMode="numeric"
          value={dots}
          onChange={(e) => setDots(e.target.value)}
          error={fieldErrors.dotsPerParticipant}
        />
      ) : null}
      <RadioGroup
        legend={t('votes.create.visibility')}
        name="vote-visibility"
        options={vocabularyOptions(t, ResultsVisibility)}
        value={visibility}
        onChange={setVisibility}
      />
      <Field label={t('votes.create.closesAt')} hint={t('votes.create.closesAtHint')} error={fieldErrors.closesAt}>
        {(control) => (
          <input
            className="input input--short"
            type="datetime-local"
            name="closesAt"
            value={closesAt}
            onChange={(e) => setClosesAt(e.target.value)}
            {...control}
          />
        )}
      </Field>
      <div className="form__actions">
        <Button type="submit" busy={create.isPending}>
          {t('votes.create.submit')}
        </Button>
      </div>
      <StatusMessage>{opened}</StatusMessage>
    </form>
  );
}
