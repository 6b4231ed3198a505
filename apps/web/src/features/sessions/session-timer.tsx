import { overrunMs, remainingMs, type AgendaItemView } from '@concerto/domain';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from '../../ui/alert';
import { clockText, overrunParts } from './durations';
import { useNow } from './use-now';

/** Remaining time of an item on the server's clock, or its overrun ("+2 min 10"), re-read every second. */
export function useItemClock(item: AgendaItemView | undefined, clockOffset: number) {
  const now = useNow(item?.runningSince !== null && item !== undefined) + clockOffset;
  if (!item) return null;
  const remaining = remainingMs(item, now);
  return { remaining, overrun: overrunMs(item, now), now };
}

export function OverrunText({ ms }: { ms: number }) {
  const { t } = useTranslation();
  return <span className="overrun">{t('session.timer.overrunText', overrunParts(ms))}</span>;
}

/** The current item's big timer (role="timer": read on demand, not announced every second). */
export function SessionTimer({ item, clockOffset, large = false }: { item: AgendaItemView | undefined; clockOffset: number; large?: boolean }) {
  const { t } = useTranslation();
  const clock = useItemClock(item, clockOffset);
  if (!item || !clock) return <p className="session-timer__none">{t('session.timer.none')}</p>;
  const over = clock.overrun > 0;
  const paused = item.runningSince === null;
  return (
    <div className={`session-timer${large ? ' session-timer--large' : ''}${over ? ' session-timer--over' : ''}`}>
      <p className="session-timer__item">{item.title}</p>
      <p className="session-timer__label">{over ? t('session.timer.overrun') : t('session.timer.remaining')}</p>
      <p className="session-timer__value" role="timer" aria-live="off">
        {over ? t('session.timer.overrunText', overrunParts(clock.overrun)) : clockText(clock.remaining)}
      </p>
      {paused ? <p className="session-timer__paused">{t('session.timer.paused')}</p> : null}
      {large ? null : <StatusMessage tone="info">{over ? t('session.timer.timeUp', { title: item.title }) : null}</StatusMessage>}
    </div>
  );
}
