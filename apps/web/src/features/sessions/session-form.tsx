import { CreateSessionRequest, SessionMode, UpdateSessionRequest } from '@concerto/domain';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMembers } from '../spaces/members-api';
import { useCreateSession, useUpdateSession, type SessionData } from './sessions-api';
import { vocabularyOptions } from '../../ui/vocabulary-options';
import { ErrorAlert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { CheckboxGroup } from '../../ui/choice-group';
import { Field, SelectField, TextField } from '../../ui/field';
import { useFormFeedback, validate } from '../../ui/form-feedback';
import { AgendaEditor, emptyItem, toAgendaInput, type AgendaDraft } from './agenda-editor';
import { isoToLocalInput, localInputToIso } from './durations';

const FIELDS = ['title', 'scheduledAt', 'place', 'link', 'mode', 'participantIds'];
const fieldFor = (path: string) => (path.startsWith('participantIds') ? 'participantIds' : path);

interface Draft {
  title: string;
  scheduledAt: string;
  place: string;
  link: string;
  mode: SessionMode;
  anonymousNotes: boolean;
  agenda: AgendaDraft[];
  participantIds: string[];
}

const emptyDraft = (): Draft => ({
  title: '',
  scheduledAt: '',
  place: '',
  link: '',
  mode: 'in_person',
  anonymousNotes: false,
  agenda: [emptyItem()],
  participantIds: [],
});

/** The session's current details as form values (the invited members, not everyone in the space). */
const draftOf = (session: SessionData): Draft => ({
  title: session.title,
  scheduledAt: isoToLocalInput(session.scheduledAt),
  place: session.place,
  link: session.link,
  mode: session.mode,
  anonymousNotes: session.anonymousNotes,
  agenda: session.agenda.map((item) => ({
    key: item.id,
    title: item.title,
    duration: String(item.durationMinutes),
    lever: item.lever ?? '',
    section: item.diagnosticSectionId ?? '',
  })),
  participantIds: session.participants.filter((p) => p.kind === 'member' && p.invited).map((p) => p.accountId),
});

const toRequest = (draft: Draft) => ({
  title: draft.title,
  scheduledAt: localInputToIso(draft.scheduledAt),
  place: draft.place,
  link: draft.link,
  mode: draft.mode,
  anonymousNotes: draft.anonymousNotes,
  agenda: draft.agenda.map(toAgendaInput),
  participantIds: draft.participantIds,
});

type SessionFormProps =
  { spaceId: string; session?: undefined; onDone?: undefined } | { spaceId: string; session: SessionData; onDone: (saved: boolean) => void };

/**
 * Prepares a session (animateurs): details, agenda and invited members; then opens its page. Given a session,
 * edits it instead (the agenda only while it is planned), sends only what changed and calls `onDone`.
 */
export function SessionForm({ spaceId, session, onDone }: SessionFormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const titleId = useId();
  const create = useCreateSession(spaceId);
  const update = useUpdateSession(session?.id ?? '');
  const members = useMembers(spaceId);
  const editing = session !== undefined;
  const withAgenda = !editing || session.status === 'planned';
  const [initial] = useState<Draft>(() => (session ? draftOf(session) : emptyDraft()));
  const [draft, setDraft] = useState<Draft>(initial);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const { formRef, fieldErrors, formError, clear, showFieldErrors, showError } = useFormFeedback({ fields: FIELDS, fieldFor });
  const pending = create.isPending || update.isPending;

  // Opened from "Modifier la séance": the first field takes the focus.
  useEffect(() => {
    if (editing) formRef.current?.querySelector<HTMLInputElement>('input[name="title"]')?.focus();
  }, [editing, formRef]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    clear();
    if (!editing) {
      const checked = validate(t, CreateSessionRequest, toRequest(draft), fieldFor);
      if (!checked.ok) return showFieldErrors(checked.errors);
      create.mutate(checked.data, { onSuccess: (created) => void navigate(`/seances/${created.id}`), onError: showError });
      return;
    }
    const { agenda, ...details } = toRequest(draft);
    const checked = validate(t, UpdateSessionRequest, withAgenda ? { ...details, agenda } : details, fieldFor);
    if (!checked.ok) return showFieldErrors(checked.errors);
    // Only the fields that changed: an unchanged agenda or invitation list is left as it is.
    const before = toRequest(initial);
    const changes = Object.fromEntries(
      Object.entries(checked.data).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key as keyof typeof before])),
    );
    if (Object.keys(changes).length === 0) return onDone(false);
    update.mutate(changes, { onSuccess: () => onDone(true), onError: showError });
  };

  const heading = editing ? t('sessions.edit.title') : t('sessions.create.title');
  return (
    <section className="section" aria-labelledby={titleId}>
      {editing ? <h2 id={titleId}>{heading}</h2> : <h3 id={titleId}>{heading}</h3>}
      <form className="card form" ref={formRef} noValidate onSubmit={onSubmit} aria-labelledby={titleId}>
        <ErrorAlert>{formError}</ErrorAlert>
        <TextField
          label={t('sessions.fields.title')}
          name="title"
          required
          value={draft.title}
          onChange={(e) => set('title', e.target.value)}
          error={fieldErrors.title}
        />
        <Field label={t('sessions.fields.scheduledAt')} error={fieldErrors.scheduledAt}>
          {(control) => (
            <input
              className="input input--short"
              type="datetime-local"
              name="scheduledAt"
              required
              value={draft.scheduledAt}
              onChange={(e) => set('scheduledAt', e.target.value)}
              {...control}
            />
          )}
        </Field>
        <div className="form__row">
          <TextField
            label={t('sessions.fields.place')}
            hint={t('form.optional')}
            name="place"
            value={draft.place}
            onChange={(e) => set('place', e.target.value)}
            error={fieldErrors.place}
          />
          <TextField
            label={t('sessions.fields.link')}
            hint={t('sessions.fields.linkHint')}
            name="link"
            type="url"
            value={draft.link}
            onChange={(e) => set('link', e.target.value)}
            error={fieldErrors.link}
          />
        </div>
        <SelectField
          label={t('sessions.fields.mode')}
          name="mode"
          options={vocabularyOptions(t, SessionMode)}
          value={draft.mode}
          onChange={(e) => set('mode', e.target.value as SessionMode)}
        />
        <label className="choice">
          <input type="checkbox" name="anonymousNotes" checked={draft.anonymousNotes} onChange={(e) => set('anonymousNotes', e.target.checked)} />
          <span>{t('sessions.fields.anonymousNotes')}</span>
        </label>
        {withAgenda ? <AgendaEditor items={draft.agenda} onChange={(agenda) => set('agenda', agenda)} errors={fieldErrors} /> : null}
        {members.data ? (
          <CheckboxGroup
            legend={t('sessions.fields.participants')}
            hint={t('sessions.fields.participantsHint')}
            name="participants"
            options={members.data.map((m) => ({ value: m.accountId, label: `${m.displayName} (${t(`vocab.spaceRole.${m.role}`)})` }))}
            value={draft.participantIds}
            onChange={(participantIds) => set('participantIds', participantIds)}
            error={fieldErrors.participantIds}
          />
        ) : null}
        <div className="form__actions">
          <Button type="submit" busy={pending}>
            {editing ? t('sessions.edit.submit') : t('sessions.create.submit')}
          </Button>
          {editing ? (
            <Button variant="secondary" onClick={() => onDone(false)}>
              {t('sessions.edit.cancel')}
            </Button>
          ) : null}
        </div>
      </form>
    </section>
  );
}
