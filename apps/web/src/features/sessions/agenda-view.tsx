import { elapsedMs, overrunMs, type AgendaItemView } from '@concerto/domain';
import { useTranslation } from 'react-i18next';
import type { SessionData } from './sessions-api';
import { Button } from '../../ui/button';
import { clockText, minutesText } from './durations';
import { ItemStatusBadge } from './session-status-badge';
import { OverrunText } from './session-timer';
import { useNow } from './use-now';

/** The agenda: done, current and next items, each with planned and actual time and overrun. */
export function AgendaView({ session, onGoto, busy }: { session: SessionData; onGoto?: (item: AgendaItemView) => void; busy?: boolean }) {
  const { t, i18n } = useTranslation();
  const running = session.agenda.some((item) => item.runningSince !== null);
  const now = useNow(running) + session.clockOffset;
  const currentIndex = session.agenda.findIndex((item) => item.status === 'current');
  const nextIndex = session.agenda.findIndex((item, i) => item.status === 'pending' && i > currentIndex);

  return (
    <section className="section agenda-view" aria-labelledby="agenda-heading">
      <h2 id="agenda-heading">{t('session.agenda.heading')}</h2>
      <ol className="agenda-view__list">
        {session.agenda.map((item, index) => {
          const over = overrunMs(item, now);
          return (
            <li
              key={item.id}
              id={`point-${item.id}`}
              className={`agenda-item agenda-item--${item.status}`}
              aria-current={item.status === 'current' ? 'step' : undefined}
            >
              <div className="agenda-item__head">
                <span className="agenda-item__title">{item.title}</span>
                <ItemStatusBadge status={item.status} />
                {index === nextIndex ? <span className="status item-status--next">{t('session.agenda.next')}</span> : null}
              </div>
              <p className="agenda-item__times">
                <span>
                  {t('labelled', { label: t('session.agenda.planned'), value: minutesText(item.durationMinutes, i18n.language) })}
                  {item.extraMs > 0 ? ` (${t('session.agenda.extra', { duration: minutesText(item.extraMs / 60_000, i18n.language) })})` : ''}
                </span>
                {item.status !== 'pending' ? <span>{t('labelled', { label: t('session.agenda.actual'), value: clockText(elapsedMs(item, now)) })}</span> : null}
                {over > 0 ? <OverrunText ms={over} /> : null}
                {item.lever ? <span className="muted">{t(`vocab.lever.${item.lever}`)}</span> : null}
              </p>
              {onGoto && item.status !== 'current' && session.status === 'live' ? (
                <Button variant="secondary" className="agenda-item__goto" disabled={busy} onClick={() => onGoto(item)}>
                  {t('session.agenda.goto', { title: item.title })}
                </Button>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
