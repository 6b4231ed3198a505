import type { AnalysisView, CreateAnalysisRequest, UpdateAnalysisRequest } from '@concerto/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { analysesPath, analysisPath, guideKeys } from './guide-keys';

/** The space's analysis chapters (the server orders them by position). */
export function useAnalyses(spaceId: string) {
  return useQuery({ queryKey: guideKeys.analyses(spaceId), queryFn: () => api.get<AnalysisView[]>(analysesPath(spaceId)) });
}

export function useCreateAnalysis(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateAnalysisRequest) => api.post<AnalysisView>(analysesPath(spaceId), body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: guideKeys.analyses(spaceId) }),
  });
}

export function useUpdateAnalysis(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ analysisId, body }: { analysisId: string; body: UpdateAnalysisRequest }) => api.patch<AnalysisView>(analysisPath(spaceId, analysisId), body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: guideKeys.analyses(spaceId) }),
  });
}

export function useDeleteAnalysis(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (analysisId: string) => api.delete(analysisPath(spaceId, analysisId)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: guideKeys.analyses(spaceId) }),
  });
}
