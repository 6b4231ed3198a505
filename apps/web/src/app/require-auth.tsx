import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useMe } from '../api/account';
import { EventsProvider } from '../api/events';
import { ErrorAlert } from '../ui/alert';
import { Button } from '../ui/button';
import { errorMessage } from '../ui/form-feedback';
import { Loading } from '../ui/loading';

/** Guards the routes that need an account; others are sent to sign in, then brought back. */
export function RequireAuth() {
  const { t } = useTranslation();
  const { data: me, isPending, isError, error, refetch } = useMe();
  const location = useLocation();

  if (isPending) return <Loading />;
  if (isError) {
    return (
      <ErrorAlert>
        <p>{errorMessage(t, error)}</p>
        <Button variant="secondary" onClick={() => void refetch()}>
          {t('errors.retry')}
        </Button>
      </ErrorAlert>
    );
  }
  if (!me) {
    const here = `${location.pathname}${location.search}`;
    const next = here === '/' ? '' : `?next=${encodeURIComponent(here)}`;
    return <Navigate to={`/connexion${next}`} replace />;
  }
  return (
    <EventsProvider>
      <Outlet />
    </EventsProvider>
  );
}
