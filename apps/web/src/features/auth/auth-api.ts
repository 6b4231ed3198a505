import type { AccountView, SignInRequest, SignUpRequest, UpdateMeRequest } from '@concerto/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { queryKeys } from '../../api/query-keys';

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

/** Signs out; `onSignedOut` lets the app forget what the device kept (the offline shell lives above this layer). */
export function useSignOut(options: { onSignedOut?: () => void } = {}) {
  const queryClient = useQueryClient();
  const { onSignedOut } = options;
  return useMutation({
    mutationFn: () => api.post<void>('/api/auth/sign-out'),
    onSettled: () => {
      onSignedOut?.();
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
