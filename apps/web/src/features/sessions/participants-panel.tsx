import { AddGuestRequest } from '@concerto/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAddGuest, useRemoveGuest, type SessionData } from './sessions-api';
import { ErrorAlert, StatusMessage } from '../../ui/alert';
import { Button } from '../../ui/button';
import { TextField } from '../../ui/field';
import { useFormFeedback, validate } from '../../ui/form-feedback';
import { RoleBadge } from '../../ui/role-badge';
import { IconButton } from './icon-button';
import { useRemoveParticipant } from '../session-join/session-join-api';

/** Who takes part (invited members, guests, anyone who came) and who is present; guests managed by the animateur. */
export function ParticipantsPanel({ session }: { session: SessionData }) {
  const { t } = useTranslation();
  const animateur = session.myRole === 'animateur' && session.status !== 'closed';
  const remove = useRemoveGuest(session.id);
  const removeParticipant = useRemoveParticipant(session.id);
  const [message, setMessage] = useState<string | null>(null);
  const present = session.participants.filter((p) => p.attendedAt !== null).length;

  return (
    <section className="section participants" aria-labelledby="participants-heading">
      <h2 id="participants-heading">{t('session.participants.heading')}</h2>
      <p className="muted">{t('session.participants.count', { count: present, total: session.participants.length })}</p>
      <ul className="participants__list">
        {session.participants.map((p) => (
          <li key={p.accountId} className="participants__item">
            <span className={p.attendedAt ? 'presence presence--on' : 'presence'}>
              <span className="sr-only">{p.attendedAt ? t('session.participants.present') : t('session.participants.absent')}</span>
            </span>
            <span className="participants__name">{p.displayName}</span>
            <RoleBadge role={p.role} />
            {p.kind === 'guest' ? <span className="muted">{t('session.participants.guest')}</span> : null}
            {p.kind === 'participant' ? <span className="muted">{t('join.participant')}</span> : null}
            {animateur && p.kind === 'participant' ? (
              <IconButton
                symbol="×"
                busy={removeParticipant.isPending}
                label={t('join.removeParticipant', { name: p.displayName })}
                onClick={() =>
                  removeParticipant.mutate(p.accountId, { onSuccess: () => setMessage(t('session.participants.removed', { name: p.displayName })) })
                }
              />
            ) : null}
            {animateur && p.kind === 'guest' ? (
              <IconButton
                symbol="×"
                busy={remove.isPending}
                label={t('session.participants.remove', { name: p.displayName })}
                onClick={() => remove.mutate(p.accountId, { onSuccess: () => setMessage(t('session.participants.removed', { name: p.displayName })) })}
              />
            ) : null}
          </li>
        ))}
      </ul>
      {remove.isError || removeParticipant.isError ? <ErrorAlert>{t('errors.generic')}</ErrorAlert> : null}
      <StatusMessage>{message}</StatusMessage>
      {animateur ? <GuestForm sessionId={session.id} /> : null}
    </section>
  );
}

function GuestForm({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const add = useAddGuest(sessionId);
  const [email, setEmail] = useState('');
  const [added, setAdded] = useState<string | null>(null);
  const { formRef, fieldErrors, formError, clear, showFieldErrors, showError } = useFormFeedback({ fields: ['email'] });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    clear();
    setAdded(null);
    const checked = validate(t, AddGuestRequest, { email });
    if (!checked.ok) return showFieldErrors(checked.errors);
    add.mutate(checked.data.email, {
      onSuccess: () => {
        setEmail('');
        setAdded(t('session.participants.added'));
      },
      onError: showError,
    });
  };
  return (
    <form className="form guest-form" ref={formRef} noValidate onSubmit={submit} aria-labelledby="guest-form-title">
      <h3 id="guest-form-title">{t('session.participants.addGuest')}</h3>
      <ErrorAlert>{formError}</ErrorAlert>
      <TextField
        label={t('session.participants.guestEmail')}
        hint={t('session.participants.guestHint')}
        type="email"
        autoComplete="off"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={fieldErrors.email}
      />
      <Button type="submit" variant="secondary" busy={add.isPending}>
        {t('session.participants.add')}
      </Button>
      <StatusMessage>{added}</StatusMessage>
    </form>
  );
}
