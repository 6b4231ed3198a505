import type {
  ChangeRecommendationStatusRequest,
  CreateRecommendationRequest,
  RecommendationOriginChoices,
  RecommendationsVoteRequest,
  RecommendationView,
  UpdateRecommendationRequest,
  VoteView,
} from '@concerto/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { spacePath } from '../../api/space-path';
import { guideKeys, recommendationPath, recommendationsPath } from './guide-keys';

export function useRecommendations(spaceId: string) {
  return useQuery({
    queryKey: guideKeys.recommendations(spaceId),
    queryFn: () => api.get<RecommendationView[]>(recommendationsPath(spaceId)),
  });
}

export function useRecommendation(spaceId: string, recommendationId: string) {
  return useQuery({
    queryKey: guideKeys.recommendation(spaceId, recommendationId),
    queryFn: () => api.get<RecommendationView>(recommendationPath(spaceId, recommendationId)),
  });
}

/** The decisions and closed votes of the space's sessions a new recommendation can come from (contributeurs). */
export function useRecommendationOrigins(spaceId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...queryKeys.space(spaceId), 'recommendation-origins'] as const,
    queryFn: () => api.get<RecommendationOriginChoices>(`${spacePath(spaceId)}/recommendation-origins`),
    enabled,
  });
}

function useStoreRecommendation(spaceId: string) {
  const queryClient = useQueryClient();
  return (recommendation: RecommendationView) => {
    queryClient.setQueryData(guideKeys.recommendation(spaceId, recommendation.id), recommendation);
    void queryClient.invalidateQueries({ queryKey: guideKeys.recommendations(spaceId), exact: true });
  };
}

export function useCreateRecommendation(spaceId: string) {
  const store = useStoreRecommendation(spaceId);
  return useMutation({
    mutationFn: (body: CreateRecommendationRequest) => api.post<RecommendationView>(recommendationsPath(spaceId), body),
    onSuccess: store,
  });
}

export function useUpdateRecommendation(spaceId: string, recommendationId: string) {
  const queryClient = useQueryClient();
  const store = useStoreRecommendation(spaceId);
  return useMutation({
    mutationFn: (body: UpdateRecommendationRequest) => api.patch<RecommendationView>(recommendationPath(spaceId, recommendationId), body),
    onSuccess: store,
    // A stale version: fetch the current one, which the form offers to reload.
    onError: (error) => {
      if (isApiError(error, 409)) void queryClient.invalidateQueries({ queryKey: guideKeys.recommendation(spaceId, recommendationId) });
    },
  });
}

export function useChangeRecommendationStatus(spaceId: string, recommendationId: string) {
  const queryClient = useQueryClient();
  const store = useStoreRecommendation(spaceId);
  return useMutation({
    mutationFn: (body: ChangeRecommendationStatusRequest) => api.post<RecommendationView>(`${recommendationPath(spaceId, recommendationId)}/status`, body),
    onSuccess: store,
    // A stale version: fetch the current one, so the next click carries it.
    onError: (error) => {
      if (isApiError(error, 409)) void queryClient.invalidateQueries({ queryKey: guideKeys.recommendation(spaceId, recommendationId) });
    },
  });
}

export function useDeleteRecommendation(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (recommendationId: string) => api.delete(recommendationPath(spaceId, recommendationId)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: guideKeys.recommendations(spaceId), exact: true }),
  });
}

/** Opens a vote of a live session on a set of the space's recommendations (animateurs). */
export function useRecommendationsVote(sessionId: string, spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RecommendationsVoteRequest) => api.post<VoteView>(`/api/sessions/${encodeURIComponent(sessionId)}/recommendation-votes`, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.sessionVotes(sessionId) });
      void queryClient.invalidateQueries({ queryKey: guideKeys.recommendations(spaceId) });
    },
  });
}
