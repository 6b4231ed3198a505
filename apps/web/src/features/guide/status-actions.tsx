import { useTranslation } from 'react-i18next';
import { ErrorAlert, StatusMessage } from '../../ui/alert';
import { Button } from '../../ui/button';

interface StatusActionsProps<S extends string> {
  /** Label of each status, in the interface language. */
  labelOf: (status: S) => string;
  current: S;
  /** The moves this role may make (the server decides again). */
  next: readonly S[];
  busy: boolean;
  error: string | null;
  done: string | null;
  /** Who changed it last, and when, already phrased. */
  history: string | null;
  canEdit: boolean;
  onMove: (status: S) => void;
}

/** The status of a testimony or a recommendation, and the buttons that move it on (those the role allows). */
export function StatusActions<S extends string>({ labelOf, current, next, busy, error, done, history, canEdit, onMove }: StatusActionsProps<S>) {
  const { t } = useTranslation();
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
