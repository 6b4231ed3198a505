import type { GuidePublicationView, GuideReferenceAttributes, GuideVersionSummary, GuideView, PublishGuideRequest, ResolvedReference } from '@concerto/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { spacePath } from '../../api/space-path';
import { currentLocale } from '../../i18n/locale';
import { referenceQuery } from './live-reference-attrs';

/**
 * The guide document's relational data: versions and publication live under the space's key, so the space's change
 * notices (`guide_version` among them) refresh them like every other area's queries. The live values of references
 * live apart (`['guide-reference', spaceId, kind, query]`), refreshed by `useLiveReferenceNotices` from the notices of
 * what they read.
 */
export const guideDocumentKeys = {
  all: (spaceId: string) => [...queryKeys.space(spaceId), 'guide'] as const,
  references: (spaceId: string) => ['guide-reference', spaceId] as const,
  reference: (spaceId: string, kind: string, query: string) => ['guide-reference', spaceId, kind, query] as const,
  versions: (spaceId: string) => [...queryKeys.space(spaceId), 'guide', 'versions'] as const,
  version: (spaceId: string, versionId: string) => [...queryKeys.space(spaceId), 'guide', 'versions', versionId] as const,
  publication: (spaceId: string) => [...queryKeys.space(spaceId), 'guide', 'publication'] as const,
};

export const guidePath = (spaceId: string) => `${spacePath(spaceId)}/guide`;
const enc = encodeURIComponent;

/** The live values of one reference (the node view's preview while editing). */
export function useGuideReference(spaceId: string, reference: GuideReferenceAttributes | null) {
  const query = reference ? referenceQuery(reference) : '';
  return useQuery({
    queryKey: guideDocumentKeys.reference(spaceId, reference?.kind ?? '', query),
    queryFn: () => api.get<ResolvedReference>(`${guidePath(spaceId)}/reference?${query}`),
    enabled: reference !== null,
  });
}

export function useGuideVersions(spaceId: string) {
  return useQuery({ queryKey: guideDocumentKeys.versions(spaceId), queryFn: () => api.get<GuideVersionSummary[]>(`${guidePath(spaceId)}/versions`) });
}

/** A frozen version: the guide as it read, values included, when it was frozen. */
export function useGuideVersion(spaceId: string, versionId: string | null) {
  return useQuery({
    queryKey: guideDocumentKeys.version(spaceId, versionId ?? ''),
    queryFn: () => api.get<GuideView>(`${guidePath(spaceId)}/versions/${enc(versionId ?? '')}`),
    enabled: versionId !== null,
    // A frozen version never changes.
    staleTime: Infinity,
  });
}

export function useCreateGuideVersion(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api.post<GuideVersionSummary>(`${guidePath(spaceId)}/versions`, { name }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: guideDocumentKeys.versions(spaceId) }),
  });
}

export function useRestoreGuideVersion(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (versionId: string) => api.post<unknown>(`${guidePath(spaceId)}/versions/${enc(versionId)}/restore`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: guideDocumentKeys.all(spaceId) }),
  });
}

/** The publication, or null when the guide is not published (the server answers 200 with an empty body, i.e. null). */
export function useGuidePublication(spaceId: string) {
  return useQuery({
    queryKey: guideDocumentKeys.publication(spaceId),
    queryFn: async () => (await api.get<GuidePublicationView | null | undefined>(`${guidePath(spaceId)}/publication`)) ?? null,
  });
}

export function usePublishGuide(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PublishGuideRequest) => api.put<GuidePublicationView>(`${guidePath(spaceId)}/publication`, body),
    onSuccess: (publication) => queryClient.setQueryData(guideDocumentKeys.publication(spaceId), publication),
    onSettled: () => queryClient.invalidateQueries({ queryKey: guideDocumentKeys.all(spaceId) }),
  });
}

export function useWithdrawGuide(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete(`${guidePath(spaceId)}/publication`),
    onSuccess: () => queryClient.setQueryData(guideDocumentKeys.publication(spaceId), null),
    onSettled: () => queryClient.invalidateQueries({ queryKey: guideDocumentKeys.all(spaceId) }),
  });
}

/** A download link (current text, or a frozen version), in the interface's language: a link cannot choose its Accept-Language. */
export function guideExportUrl(spaceId: string, format: 'docx' | 'pdf', versionId?: string): string {
  const params = new URLSearchParams({ format, lang: currentLocale() });
  if (versionId) params.set('versionId', versionId);
  return `${guidePath(spaceId)}/export?${params.toString()}`;
}
