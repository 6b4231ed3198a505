import type { AccountView, SignInRequest, SignUpRequest, UpdateMeRequest } from '@concerto/domain';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from './client';
import { queryKeys } from './query-keys';
import { forgetOfflineData } from '../app/offline-shell';

/** The signed-in account, or `null` when nobody is signed in. */
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

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SignInRequest) => api.post<AccountView>('/api/auth/sign-in', body),
    onSuccess: (account) => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.me[0] });
      queryClient.setQueryData(queryKeys.me, account);
    },
  });
}

export function useSignUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SignUpRequest) => api.post<AccountView>('/api/auth/sign-up', body),
    onSuccess: (account) => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.me[0] });
      queryClient.setQueryData(queryKeys.me, account);
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/api/auth/sign-out'),
    onSettled: () => {
      forgetOfflineData();
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.me[0] });
      queryClient.setQueryData(queryKeys.me, null);
    },
  });
}

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateMeRequest) => api.patch<AccountView>('/api/auth/me', body),
    onSuccess: (account) => {
      queryClient.setQueryData(queryKeys.me, account);
      // Member lists show names and organisations.
      void queryClient.invalidateQueries({ queryKey: queryKeys.spaces });
    },
  });
}
