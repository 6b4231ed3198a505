import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { useSessionEvents } from './session-events';
import { useSession } from './sessions-api';
import { errorMessage } from '../../ui/form-feedback';

/** The session of the route, followed live (`session:join`); attendance recorded while it is live. */
export function useSessionPage(options: { attend: boolean }) {
  const { t } = useTranslation();
  const { sessionId = '' } = useParams();
  const session = useSession(sessionId);
  useSessionEvents(sessionId, { live: session.data?.status === 'live', attend: options.attend });
  const notFound = isApiError(session.error, 404) || isApiError(session.error, 400) || isApiError(session.error, 403);
  return { sessionId, session, notFound, error: session.isError && !notFound ? errorMessage(t, session.error) : null };
}
