import type {
  DiagnosticOutlineEntry,
  DiagnosticSettings,
  SectionStateView,
  UpdateSectionStateRequest,
  VersionComparison,
  VersionContent,
  VersionView,
} from '@concerto/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { currentLocale } from '../../i18n/locale';
import { api } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { spacePath } from '../../api/space-path';
import type { CommentsTarget } from './comments-api';

/**
 * The diagnostic's relational data (scores, comments, versions, settings). Keys live under the space, so a
 * `diagnostic_section`, `comment` or `diagnostic_version` notice on /events refreshes them.
 */
export const diagnosticKeys = {
  all: (spaceId: string) => [...queryKeys.space(spaceId), 'diagnostic'] as const,
  sections: (spaceId: string) => [...queryKeys.space(spaceId), 'diagnostic', 'sections'] as const,
  outline: (spaceId: string) => [...queryKeys.space(spaceId), 'diagnostic', 'outline'] as const,
  settings: (spaceId: string) => [...queryKeys.space(spaceId), 'diagnostic', 'settings'] as const,
  comments: (spaceId: string) => [...queryKeys.space(spaceId), 'diagnostic', 'comments'] as const,
  versions: (spaceId: string) => [...queryKeys.space(spaceId), 'diagnostic', 'versions'] as const,
  version: (spaceId: string, versionId: string) => [...queryKeys.space(spaceId), 'diagnostic', 'versions', versionId] as const,
  comparison: (spaceId: string, versionId: string) => [...queryKeys.space(spaceId), 'diagnostic', 'versions', versionId, 'compare'] as const,
};

export const diagnosticPath = (spaceId: string) => `${spacePath(spaceId)}/diagnostic`;
const enc = encodeURIComponent;

export function useSectionStates(spaceId: string) {
  return useQuery({
    queryKey: diagnosticKeys.sections(spaceId),
    queryFn: () => api.get<SectionStateView[]>(`${diagnosticPath(spaceId)}/sections`),
  });
}

/** Today's sections with their titles, for choosing some elsewhere (the sections supporting a recommendation). */
export function useDiagnosticOutline(spaceId: string) {
  return useQuery({
    queryKey: diagnosticKeys.outline(spaceId),
    queryFn: () => api.get<DiagnosticOutlineEntry[]>(`${diagnosticPath(spaceId)}/outline`),
  });
}

export function useUpdateSectionState(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ sectionId, body }: { sectionId: string; body: UpdateSectionStateRequest }) =>
      api.put<SectionStateView>(`${diagnosticPath(spaceId)}/sections/${enc(sectionId)}`, body),
    onSuccess: (state) =>
      queryClient.setQueryData<SectionStateView[]>(diagnosticKeys.sections(spaceId), (states) =>
        states ? [...states.filter((s) => s.sectionId !== state.sectionId), state] : [state],
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: diagnosticKeys.sections(spaceId) }),
  });
}

export function useDiagnosticSettings(spaceId: string) {
  return useQuery({
    queryKey: diagnosticKeys.settings(spaceId),
    queryFn: () => api.get<DiagnosticSettings>(`${diagnosticPath(spaceId)}/settings`),
  });
}

export function useUpdateDiagnosticSettings(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DiagnosticSettings) => api.put<DiagnosticSettings>(`${diagnosticPath(spaceId)}/settings`, body),
    // The checkbox follows the click at once; the refetch below restores the truth if the server refused.
    onMutate: async (body) => {
      await queryClient.cancelQueries({ queryKey: diagnosticKeys.settings(spaceId) });
      queryClient.setQueryData(diagnosticKeys.settings(spaceId), body);
    },
    onSuccess: (settings) => queryClient.setQueryData(diagnosticKeys.settings(spaceId), settings),
    onSettled: () => queryClient.invalidateQueries({ queryKey: diagnosticKeys.settings(spaceId) }),
  });
}

/** The diagnostic's comments, for the shared comment components; a change refreshes the sections' open-comment counts. */
export const diagnosticComments = (spaceId: string): CommentsTarget => ({
  spaceId,
  path: `${diagnosticPath(spaceId)}/comments`,
  queryKey: diagnosticKeys.comments(spaceId),
  alsoRefresh: [diagnosticKeys.sections(spaceId)],
});

export function useVersions(spaceId: string) {
  return useQuery({
    queryKey: diagnosticKeys.versions(spaceId),
    queryFn: () => api.get<VersionView[]>(`${diagnosticPath(spaceId)}/versions`),
  });
}

export function useVersionContent(spaceId: string, versionId: string | null) {
  return useQuery({
    queryKey: diagnosticKeys.version(spaceId, versionId ?? ''),
    queryFn: () => api.get<VersionContent>(`${diagnosticPath(spaceId)}/versions/${enc(versionId ?? '')}`),
    enabled: versionId !== null,
  });
}

export function useVersionComparison(spaceId: string, versionId: string | null) {
  return useQuery({
    queryKey: diagnosticKeys.comparison(spaceId, versionId ?? ''),
    queryFn: () => api.get<VersionComparison>(`${diagnosticPath(spaceId)}/versions/${enc(versionId ?? '')}/compare`),
    enabled: versionId !== null,
  });
}

export function useCreateVersion(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api.post<VersionView>(`${diagnosticPath(spaceId)}/versions`, { name }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: diagnosticKeys.versions(spaceId) }),
  });
}

export function useRestoreVersion(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (versionId: string) => api.post<unknown>(`${diagnosticPath(spaceId)}/versions/${enc(versionId)}/restore`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: diagnosticKeys.all(spaceId) }),
  });
}

/** In the interface's language: a download link cannot choose its Accept-Language. */
export const diagnosticExportUrl = (spaceId: string, format: 'md' | 'docx') => `${diagnosticPath(spaceId)}/export?format=${format}&lang=${currentLocale()}`;
