import type { JoinCodeView, JoinPreview, JoinRequest, JoinedView } from '@concerto/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { sessionPath } from '../sessions/sessions-api';

const joinPathOf = (code: string) => `/api/join/${encodeURIComponent(code)}`;
const joinCodeKey = (sessionId: string) => ['session-join-code', sessionId] as const;

/** What a code opens (no retry: a wrong code is a clear answer, and retries would count against the limit). */
export function useJoinPreview(code: string) {
  return useQuery({ queryKey: ['join-preview', code], queryFn: () => api.get<JoinPreview>(joinPathOf(code)), retry: false, staleTime: Infinity });
}

export function useJoin(code: string) {
  return useMutation({ mutationFn: (body: JoinRequest) => api.post<JoinedView>(joinPathOf(code), body) });
}

/** The animateur's side: the session's code, opened, rotated or closed. */
export function useJoinCode(sessionId: string) {
  return useQuery({ queryKey: joinCodeKey(sessionId), queryFn: () => api.get<JoinCodeView>(`${sessionPath(sessionId)}/join-code`) });
}

export function useChangeJoinCode(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (change: 'rotate' | 'close'): Promise<JoinCodeView> => {
      if (change === 'rotate') return api.post<JoinCodeView>(`${sessionPath(sessionId)}/join-code`);
      await api.delete(`${sessionPath(sessionId)}/join-code`);
      return { code: null };
    },
    onSuccess: (view) => queryClient.setQueryData(joinCodeKey(sessionId), view),
  });
}

export function useRemoveParticipant(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (accountId: string) => api.delete(`${sessionPath(sessionId)}/participants/${encodeURIComponent(accountId)}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.session(sessionId) }),
  });
}
