import type { CollabStatus as Status } from '@concerto/collab';
import { useTranslation } from 'react-i18next';

const KEYS: Record<Status, 'saved' | 'saving' | 'offline' | 'connecting' | 'reconnecting' | 'refused'> = {
  connecting: 'connecting',
  reconnecting: 'reconnecting',
  refused: 'refused',
  synced: 'saved',
  saving: 'saving',
  saved: 'saved',
  offline: 'offline',
};

/** Where the co-edited text stands, announced politely as it changes. */
export function CollabStatus({ status, readOnly }: { status: Status; readOnly: boolean }) {
  const { t } = useTranslation();
  const key = KEYS[status];
  const text = readOnly && (key === 'saved' || key === 'saving') ? t('collab.upToDate') : t(`collab.status.${key}`);
  return (
    <p className={`collab-status collab-status--${key}`} role="status">
      {text}
    </p>
  );
}
