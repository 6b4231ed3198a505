import type { InvitationView } from '@concerto/domain';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from '../../ui/alert';
import { Button } from '../../ui/button';
import { formatDate } from '../../ui/format';
import { invitationUrl } from './invitation-link';

/** The link of a new invitation, ready to copy; its e-mail is on its way (its status shows in the list). */
export function CreatedInvitation({ invitation }: { invitation: InvitationView }) {
  const { t, i18n } = useTranslation();
  const inputId = useId();
  const noteId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [copyStatus, setCopyStatus] = useState<string | null>(null);
  const url = invitation.link ? invitationUrl(invitation.link) : '';

  const copy = async () => {
    setCopyStatus(null);
    try {
      await navigator.clipboard.writeText(url);
      setCopyStatus(t('invitations.copied'));
    } catch {
      inputRef.current?.focus();
      inputRef.current?.select();
      setCopyStatus(t('invitations.copyFailed'));
    }
  };

  return (
    <section className="card created-invitation">
      <h3>{t('invitations.createdTitle', { email: invitation.email })}</h3>
      <p id={noteId} className="created-invitation__note">
        {t('invitations.emailQueued', { email: invitation.email })} {t('invitations.expiresOn', { date: formatDate(invitation.expiresAt, i18n.language) })}
      </p>
      <div className="field">
        <label className="field__label" htmlFor={inputId}>
          {t('invitations.link')}
        </label>
        <div className="copy-field">
          <input
            ref={inputRef}
            id={inputId}
            className="input copy-field__input"
            type="text"
            readOnly
            value={url}
            aria-describedby={noteId}
            onFocus={(e) => e.currentTarget.select()}
          />
          <Button variant="secondary" onClick={() => void copy()}>
            {t('invitations.copy')}
          </Button>
        </div>
      </div>
      <StatusMessage>{copyStatus}</StatusMessage>
    </section>
  );
}
