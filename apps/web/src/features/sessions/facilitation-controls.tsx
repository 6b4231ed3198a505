import type { FacilitationRequest } from '@concerto/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFacilitate, type SessionData } from './sessions-api';
import { ErrorAlert, StatusMessage } from '../../ui/alert';
import { Button } from '../../ui/button';
import { errorMessage } from '../../ui/form-feedback';

export type Facilitate = (request: FacilitationRequest) => void;

/** The animateur's controls; each result is announced, each refusal shown. */
export function useFacilitation(session: SessionData) {
  const { t } = useTranslation();
  const mutation = useFacilitate(session.id);
  const [done, setDone] = useState<string | null>(null);
  const run: Facilitate = (request) => {
    setDone(null);
    mutation.mutate(request, { onSuccess: () => setDone(t(`session.controls.done.${request.action}`)) });
  };
  return { run, done, busy: mutation.isPending, error: mutation.isError ? errorMessage(t, mutation.error) : null };
}

export function FacilitationControls({ session, facilitation }: { session: SessionData; facilitation: ReturnType<typeof useFacilitation> }) {
  const { t } = useTranslation();
  const { run, busy, done, error } = facilitation;
  const index = session.agenda.findIndex((item) => item.status === 'current');
  const current = index >= 0 ? session.agenda[index] : undefined;
  const last = index === session.agenda.length - 1;

  return (
    <div className="facilitation" role="group" aria-label={t('session.controls.heading')}>
      <div className="actions">
        {session.status === 'planned' ? (
          <Button busy={busy} disabled={session.agenda.length === 0} onClick={() => run({ action: 'start' })}>
            {t('session.controls.start')}
          </Button>
        ) : null}
        {session.status === 'live' && current ? (
          <>
            {current.runningSince !== null ? (
              <Button variant="secondary" busy={busy} onClick={() => run({ action: 'pause' })}>
                {t('session.controls.pause')}
              </Button>
            ) : (
              <Button variant="secondary" busy={busy} onClick={() => run({ action: 'resume' })}>
                {t('session.controls.resume')}
              </Button>
            )}
            <Button variant="secondary" busy={busy} aria-describedby="extend-hint" onClick={() => run({ action: 'extend', minutes: 5 })}>
              {t('session.controls.extend')}
            </Button>
            <span id="extend-hint" className="sr-only">
              {t('session.controls.extendLabel')}
            </span>
            <Button busy={busy} onClick={() => run({ action: 'next' })}>
              {last ? t('session.controls.finish') : t('session.controls.next')}
            </Button>
          </>
        ) : null}
      </div>
      <ErrorAlert>{error}</ErrorAlert>
      <StatusMessage>{done}</StatusMessage>
    </div>
  );
}
