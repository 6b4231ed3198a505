import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../ui/use-document-title';
import { Button } from '../ui/button';

/** Shown when a page fails to render or its code cannot be loaded (e.g. after a deployment). */
export function RouteErrorPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('errors.generic'));
  return (
    <main className="main" id="main">
      <div className="container page page--narrow">
        <h1>{t('errors.generic')}</h1>
        <p>
          <Button onClick={() => window.location.reload()}>{t('errors.retry')}</Button>
        </p>
      </div>
    </main>
  );
}
