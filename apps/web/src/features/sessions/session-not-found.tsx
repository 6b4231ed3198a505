import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { useDocumentTitle } from '../../ui/use-document-title';

export function SessionNotFound() {
  const { t } = useTranslation();
  useDocumentTitle(t('session.notFoundTitle'));
  return (
    <div className="page page--narrow">
      <h1>{t('session.notFoundTitle')}</h1>
      <p>{t('session.notFoundText')}</p>
      <p>
        <Link to="/">{t('space.backToSpaces')}</Link>
      </p>
    </div>
  );
}

export function SessionError({ message, onRetry }: { message: string; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <ErrorAlert>
      <p>{message}</p>
      <Button variant="secondary" onClick={onRetry}>
        {t('errors.retry')}
      </Button>
    </ErrorAlert>
  );
}
