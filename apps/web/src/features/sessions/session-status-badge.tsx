import type { AgendaItemStatus, SessionStatus } from '@concerto/domain';
import { useTranslation } from 'react-i18next';

export function SessionStatusBadge({ status }: { status: SessionStatus }) {
  const { t } = useTranslation();
  return <span className={`status session-status--${status}`}>{t(`vocab.sessionStatus.${status}`)}</span>;
}

export function ItemStatusBadge({ status }: { status: AgendaItemStatus }) {
  const { t } = useTranslation();
  return <span className={`status item-status--${status}`}>{t(`vocab.agendaItemStatus.${status}`)}</span>;
}
