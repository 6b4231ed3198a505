import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCloseSession } from './sessions-api';
import { ErrorAlert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { errorMessage } from '../../ui/form-feedback';

/** "Clôturer la séance", confirmed in place; then the minutes page. */
export function CloseSession({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const close = useCloseSession(sessionId);
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);

  if (!asking) {
    return (
      <div className="close-session">
        <Button
          variant="danger"
          onClick={() => {
            setAsking(true);
            setTimeout(() => confirmRef.current?.focus(), 0);
          }}
        >
          {t('session.close.button')}
        </Button>
      </div>
    );
  }
  return (
    <div className="close-session card" role="group" aria-labelledby="close-session-question">
      <p id="close-session-question">{t('session.close.confirm')}</p>
      <div className="actions">
        <button
          ref={confirmRef}
          type="button"
          className="button button--danger"
          aria-busy={close.isPending || undefined}
          onClick={() => close.isPending || close.mutate(undefined, { onSuccess: () => void navigate(`/seances/${sessionId}/compte-rendu`) })}
        >
          {t('session.close.yes')}
        </button>
        <Button variant="secondary" onClick={() => setAsking(false)}>
          {t('session.close.no')}
        </Button>
      </div>
      <ErrorAlert>{close.isError ? errorMessage(t, close.error) : null}</ErrorAlert>
    </div>
  );
}
