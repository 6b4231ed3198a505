import type { AccountView, SignedInView } from '@concerto/domain';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from './client';
import { queryKeys } from './query-keys';

/** The signed-in account, or `null` when nobody is signed in (read by every layer above). */
export const meQuery = queryOptions({
  queryKey: queryKeys.me,
  queryFn: async (): Promise<AccountView | null> => {
    // A visitor gets a 200 with no account: the browser logs no failed request on every anonymous page.
    return (await api.get<SignedInView>('/api/auth/session')).account;
  },
  staleTime: 5 * 60_000,
});

export function useMe() {
  return useQuery(meQuery);
}
