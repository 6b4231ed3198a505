import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Sets `<title>` to "<page> – Concerto", so each page is identified in tabs and by screen readers.
 * `undefined` leaves the title alone (a nested route sets it).
 */
export function useDocumentTitle(pageTitle: string | undefined): void {
  const { t } = useTranslation();
  const appName = t('app.name');
  useEffect(() => {
    if (pageTitle !== undefined) document.title = pageTitle ? `${pageTitle} – ${appName}` : appName;
  }, [pageTitle, appName]);
}
