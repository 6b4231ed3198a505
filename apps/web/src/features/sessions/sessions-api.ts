import type { CreateSessionRequest, FacilitationRequest, MinutesView, SessionSummary, SessionView, UpdateSessionRequest } from '@concerto/domain';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { currentLocale } from '../../i18n/locale';
import { api } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { spacePath } from '../../api/space-path';

export const sessionPath = (sessionId: string) => `/api/sessions/${encodeURIComponent(sessionId)}`;

/** A session view with the offset of the server's clock, measured when it arrived (serverNow − Date.now()). */
export type SessionData = SessionView & { clockOffset: number };

export const withClock = (view: SessionView): SessionData => ({ ...view, clockOffset: view.serverNow - Date.now() });

export function useSessions(spaceId: string) {
  return useQuery({
    queryKey: queryKeys.sessions(spaceId),
    queryFn: () => api.get<SessionSummary[]>(`${spacePath(spaceId)}/sessions`),
  });
}

export function useSession(sessionId: string) {
  return useQuery({
    queryKey: queryKeys.session(sessionId),
    queryFn: async () => withClock(await api.get<SessionView>(sessionPath(sessionId))),
    // The timers tick locally; a refetch after a notice or reconnection resets the clock offset.
    refetchOnWindowFocus: true,
  });
}

/** Puts a fresh view from a mutation's answer in the cache, and refreshes the space's list. */
function storeView(queryClient: QueryClient, view: SessionView): void {
  queryClient.setQueryData(queryKeys.session(view.id), withClock(view));
  void queryClient.invalidateQueries({ queryKey: queryKeys.sessions(view.spaceId) });
}

export function useCreateSession(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSessionRequest) => api.post<SessionView>(`${spacePath(spaceId)}/sessions`, body),
    onSuccess: (view) => storeView(queryClient, view),
  });
}

export function useUpdateSession(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateSessionRequest) => api.patch<SessionView>(sessionPath(sessionId), body),
    onSuccess: (view) => storeView(queryClient, view),
  });
}

export function useFacilitate(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: FacilitationRequest) => api.post<SessionView>(`${sessionPath(sessionId)}/facilitation`, body),
    onSuccess: (view) => storeView(queryClient, view),
    onError: () => void queryClient.invalidateQueries({ queryKey: queryKeys.session(sessionId) }),
  });
}

export function useAddGuest(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (email: string) => api.post<SessionView>(`${sessionPath(sessionId)}/guests`, { email }),
    onSuccess: (view) => storeView(queryClient, view),
  });
}

export function useRemoveGuest(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (accountId: string) => api.delete(`${sessionPath(sessionId)}/guests/${encodeURIComponent(accountId)}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.session(sessionId) }),
  });
}

/** Records that I am present (live sessions only); the answer is a fresh view. */
export async function recordAttendance(queryClient: QueryClient, sessionId: string): Promise<void> {
  try {
    const view = await api.post<SessionView>(`${sessionPath(sessionId)}/attendance`);
    queryClient.setQueryData(queryKeys.session(sessionId), withClock(view));
  } catch {
    // Not live any more, or offline: the next reconnection tries again.
  }
}

export function useCloseSession(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<MinutesView>(`${sessionPath(sessionId)}/close`),
    onSuccess: (minutes) => {
      queryClient.setQueryData(queryKeys.sessionMinutes(sessionId), minutes);
      void queryClient.invalidateQueries({ queryKey: queryKeys.session(sessionId) });
    },
  });
}

export function useMinutes(sessionId: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.sessionMinutes(sessionId),
    queryFn: () => api.get<MinutesView>(`${sessionPath(sessionId)}/minutes`),
    enabled,
  });
}

/** In the interface's language and the reader's time zone: a download link cannot choose its Accept-Language. */
export const minutesExportUrl = (sessionId: string, format: 'md' | 'docx') =>
  `${sessionPath(sessionId)}/minutes/export?format=${format}&lang=${currentLocale()}&tz=${encodeURIComponent(Intl.DateTimeFormat().resolvedOptions().timeZone)}`;
