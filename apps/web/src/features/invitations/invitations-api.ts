import type { CreateInvitationRequest, InvitationPreview, InvitationView } from '@concerto/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { spacePath } from '../../api/space-path';

/** While an invitation's mail waits to be sent, the list asks again now and then (the worker's progress has no notice). */
const MAIL_STATUS_REFRESH_MS = 5000;

export function useInvitations(spaceId: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.invitations(spaceId),
    queryFn: () => api.get<InvitationView[]>(`${spacePath(spaceId)}/invitations`),
    enabled,
    refetchInterval: (query) => (query.state.data?.some((i) => i.status === 'pending' && i.mail === 'pending') ? MAIL_STATUS_REFRESH_MS : false),
  });
}

/** « Renvoyer » : queues the invitation's mail again. */
export function useResendInvitation(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invitationId: string) => api.post<InvitationView>(`${spacePath(spaceId)}/invitations/${encodeURIComponent(invitationId)}/resend`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.invitations(spaceId) }),
  });
}

export function useCreateInvitation(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateInvitationRequest) => api.post<InvitationView>(`${spacePath(spaceId)}/invitations`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.invitations(spaceId) }),
  });
}

export function useRevokeInvitation(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invitationId: string) => api.delete(`${spacePath(spaceId)}/invitations/${encodeURIComponent(invitationId)}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.invitations(spaceId) }),
  });
}

const invitationPath = (token: string) => `/api/invitations/${encodeURIComponent(token)}`;

export function useInvitationPreview(token: string) {
  return useQuery({
    queryKey: queryKeys.invitationPreview(token),
    queryFn: () => api.get<InvitationPreview>(invitationPath(token)),
  });
}

export function useAcceptInvitation(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ spaceId: string }>(`${invitationPath(token)}/accept`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.spaces }),
  });
}
