import type { AccountView } from '@concerto/domain';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, isApiError } from './client';
import { queryKeys } from './query-keys';

/** The signed-in account, or `null` when nobody is signed in (read by every layer above). */
export const meQuery = queryOptions({
  queryKey: queryKeys.me,
  queryFn: async (): Promise<AccountView | null> => {
    try {
      return await api.get<AccountView>('/api/auth/me');
    } catch (error) {
      if (isApiError(error, 401)) return null;
      throw error;
    }
  },
  staleTime: 5 * 60_000,
});

export function useMe() {
  return useQuery(meQuery);
}
