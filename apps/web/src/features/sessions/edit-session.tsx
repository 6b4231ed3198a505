import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionData } from './sessions-api';
import { StatusMessage } from '../../ui/alert';
import { SessionForm } from './session-form';

/** "Modifier la séance" (animateurs, until it is closed): the preparation form, prefilled; the result is announced. */
export function EditSession({ session }: { session: SessionData }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  const close = (saved: boolean) => {
    setEditing(false);
    if (saved) setDone(t('sessions.edit.done'));
    setTimeout(() => buttonRef.current?.focus(), 0);
  };

  return (
    <div className="edit-session">
      {editing ? (
        <SessionForm spaceId={session.spaceId} session={session} onDone={close} />
      ) : (
        <button
          ref={buttonRef}
          type="button"
          className="button button--secondary"
          onClick={() => {
            setDone(null);
            setEditing(true);
          }}
        >
          {t('sessions.edit.button')}
        </button>
      )}
      <StatusMessage>{done}</StatusMessage>
    </div>
  );
}
