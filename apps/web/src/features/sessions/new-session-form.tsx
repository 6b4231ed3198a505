import { CreateSessionRequest, SessionMode } from '@concerto/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMembers } from '../../api/members';
import { useCreateSession } from '../../api/sessions';
import { vocabularyOptions } from '../../i18n/vocabulary-options';
import { ErrorAlert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { CheckboxGroup } from '../../ui/choice-group';
import { Field, SelectField, TextField } from '../../ui/field';
import { useFormFeedback, validate } from '../../ui/form-feedback';
import { AgendaEditor, emptyItem, toAgendaInput, type AgendaDraft } from './agenda-editor';
import { localInputToIso } from './durations';

const FIELDS = ['title', 'scheduledAt', 'place', 'link', 'mode', 'participantIds'];
const fieldFor = (path: string) => (path.startsWith('participantIds') ? 'participantIds' : path);

/** Prepares a session (animateurs): details, agenda and invited members; then opens its page. */
export function NewSessionForm({ spaceId }: { spaceId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateSession(spaceId);
  const members = useMembers(spaceId);
  const [title, setTitle] = useState('');
  const [scheduledAt, setScheduledAt] = useState('');
  const [place, setPlace] = useState('');
  const [link, setLink] = useState('');
  const [mode, setMode] = useState<SessionMode>('in_person');
  const [anonymousNotes, setAnonymousNotes] = useState(false);
  const [agenda, setAgenda] = useState<AgendaDraft[]>(() => [emptyItem()]);
  const [participantIds, setParticipantIds] = useState<string[]>([]);
  const { formRef, fieldErrors, formError, clear, showFieldErrors, showError } = useFormFeedback({ fields: FIELDS, fieldFor });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    clear();
    const values = { title, scheduledAt: localInputToIso(scheduledAt), place, link, mode, anonymousNotes, agenda: agenda.map(toAgendaInput), participantIds };
    const checked = validate(t, CreateSessionRequest, values, fieldFor);
    if (!checked.ok) return showFieldErrors(checked.errors);
    create.mutate(checked.data, { onSuccess: (session) => void navigate(`/seances/${session.id}`), onError: showError });
  };

  return (
    <section className="section" aria-labelledby="new-session-title">
      <h3 id="new-session-title">{t('sessions.create.title')}</h3>
      <form className="card form" ref={formRef} noValidate onSubmit={onSubmit} aria-labelledby="new-session-title">
        <ErrorAlert>{formError}</ErrorAlert>
        <TextField label={t('sessions.fields.title')} name="title" required value={title} onChange={(e) => setTitle(e.target.value)} error={fieldErrors.title} />
        <Field label={t('sessions.fields.scheduledAt')} error={fieldErrors.scheduledAt}>
          {(control) => (
            <input className="input input--short" type="datetime-local" name="scheduledAt" required value={scheduledAt} onChange={(e) => setScheduledAt(e.target.value)} {...control} />
          )}
        </Field>
        <div className="form__row">
          <TextField label={t('sessions.fields.place')} hint={t('form.optional')} name="place" value={place} onChange={(e) => setPlace(e.target.value)} error={fieldErrors.place} />
          <TextField label={t('sessions.fields.link')} hint={t('sessions.fields.linkHint')} name="link" type="url" value={link} onChange={(e) => setLink(e.target.value)} error={fieldErrors.link} />
        </div>
        <SelectField
          label={t('sessions.fields.mode')}
          name="mode"
          options={vocabularyOptions(t, SessionMode)}
          value={mode}
          onChange={(e) => setMode(e.target.value as SessionMode)}
        />
        <label className="choice">
          <input type="checkbox" name="anonymousNotes" checked={anonymousNotes} onChange={(e) => setAnonymousNotes(e.target.checked)} />
          <span>{t('sessions.fields.anonymousNotes')}</span>
        </label>
        <AgendaEditor items={agenda} onChange={setAgenda} errors={fieldErrors} />
        {members.data ? (
          <CheckboxGroup
            legend={t('sessions.fields.participants')}
            hint={t('sessions.fields.participantsHint')}
            name="participants"
            options={members.data.map((m) => ({ value: m.accountId, label: `${m.displayName} (${t(`vocab.spaceRole.${m.role}`)})` }))}
            value={participantIds}
            onChange={setParticipantIds}
            error={fieldErrors.participantIds}
          />
        ) : null}
        <div className="form__actions">
          <Button type="submit" busy={create.isPending}>
            {t('sessions.create.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
