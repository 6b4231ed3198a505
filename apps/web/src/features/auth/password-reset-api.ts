import type { PasswordResetConfirm, PasswordResetRequest } from '@concerto/domain';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

/** « Mot de passe oublié » : the server answers the same whether or not an account has the address. */
export function useRequestPasswordReset() {
  return useMutation({ mutationFn: (body: PasswordResetRequest) => api.post<void>('/api/auth/password-reset/request', body) });
}

/** Whether a reset link may still be used (an error names why not: unknown, used, expired). */
export function usePasswordResetCheck(token: string) {
  return useQuery({
    queryKey: ['password-reset', token],
    queryFn: () => api.get<void>(`/api/auth/password-reset/${encodeURIComponent(token)}`).then(() => true),
    retry: false,
    staleTime: Infinity,
  });
}

export function useConfirmPasswordReset() {
  return useMutation({ mutationFn: (body: PasswordResetConfirm) => api.post<void>('/api/auth/password-reset', body) });
}
