import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from '../ui/alert';
import { Button } from '../ui/button';
import { onUpdateWaiting, reloadIntoUpdate, updateWaiting } from './offline-shell';

/** Says politely that a new version of Concerto was deployed and reloads into it when asked. */
export function UpdateBanner() {
  const { t } = useTranslation();
  const waiting = useSyncExternalStore(onUpdateWaiting, updateWaiting, () => false);
  return (
    <div className="update-banner">
      <StatusMessage tone="info">
        {waiting ? (
          <>
            <p>{t('app.update.available')}</p>
            <Button onClick={reloadIntoUpdate}>{t('app.update.reload')}</Button>
          </>
        ) : null}
      </StatusMessage>
    </div>
  );
}
