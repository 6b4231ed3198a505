import type { UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { ErrorAlert, StatusMessage } from '../../ui/alert';
import { Button } from '../../ui/button';
import { errorMessage } from '../../ui/form-feedback';

interface StatusActionsProps<S extends string, T extends { status: S }> {
  /** Label of each status, in the interface language. */
  labelOf: (status: S) => string;
  current: S;
  /** The version the move starts from (a stale one is refused: 409, « reload »). */
  version: number;
  /** The moves this role may make (the server decides again). */
  next: readonly S[];
  /** Who changed it last, and when, already phrased. */
  history: string | null;
  canEdit: boolean;
  change: UseMutationResult<T, Error, { status: S; version: number }>;
}

/**
 * The status of a testimony or a recommendation, and the buttons that move it on (those the role allows); says what
 * it became, or why it could not move.
 */
export function StatusActions<S extends string, T extends { status: S }>({
  labelOf,
  current,
  version,
  next,
  history,
  canEdit,
  change,
}: StatusActionsProps<S, T>) {
  const { t } = useTranslation();
  const [done, setDone] = useState<string | null>(null);
  const busy = change.isPending;
  const error = change.isError ? (isApiError(change.error, 409) ? t('guide.conflict') : errorMessage(t, change.error)) : null;
  const onMove = (status: S) => {
    setDone(null);
    change.mutate({ status, version }, { onSuccess: (updated) => setDone(t('guide.status.changed', { status: labelOf(updated.status) })) });
  };
  return (
    <section className="section guide-status" aria-labelledby="guide-status-heading">
      <h2 id="guide-status-heading">{t('guide.status.heading')}</h2>
      <p>{t('guide.status.current', { status: labelOf(current) })}</p>
      {history ? <p className="muted">{history}</p> : null}
      {next.length > 0 ? (
        <div className="actions">
          {next.map((status) => (
            <Button key={status} variant="secondary" busy={busy} disabled={busy} onClick={() => onMove(status)}>
              {t('guide.status.moveTo', { status: labelOf(status) })}
            </Button>
          ))}
        </div>
      ) : canEdit ? (
        <p className="muted">{t('guide.status.noMove')}</p>
      ) : null}
      <ErrorAlert>{error}</ErrorAlert>
      <StatusMessage>{done}</StatusMessage>
    </section>
  );
}
