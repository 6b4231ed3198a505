import { QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './client';
import { queryKeys } from './query-keys';

/** Client errors (4xx) are answers, not glitches: retrying them only delays the message. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        // The session ended (expired or revoked elsewhere): forget the account so guarded routes redirect.
        if (isApiError(error, 401) && query.queryKey[0] !== queryKeys.me[0]) {
          client.setQueryData(queryKeys.me, null);
        }
      },
    }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
  return client;
}
