import type {
  ChangeTestimonyStatusRequest,
  CreateTestimonyRequest,
  TestimonyFromContributionRequest,
  TestimonyView,
  UpdateTestimonyRequest,
} from '@concerto/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../api/client';
import { guideKeys, testimoniesPath, testimonyPath } from './guide-keys';
import type { CommentsTarget } from '../diagnostic/comments-api';

/** A testimony's comments on its story, for the diagnostic's comment components (under the testimony's key). */
export const testimonyComments = (spaceId: string, testimonyId: string): CommentsTarget => ({
  spaceId,
  path: `${testimonyPath(spaceId, testimonyId)}/comments`,
  queryKey: [...guideKeys.testimony(spaceId, testimonyId), 'comments'],
});

export function useTestimonies(spaceId: string) {
  return useQuery({ queryKey: guideKeys.testimonies(spaceId), queryFn: () => api.get<TestimonyView[]>(testimoniesPath(spaceId)) });
}

export function useTestimony(spaceId: string, testimonyId: string) {
  return useQuery({
    queryKey: guideKeys.testimony(spaceId, testimonyId),
    queryFn: () => api.get<TestimonyView>(testimonyPath(spaceId, testimonyId)),
  });
}

/** Stores the testimony returned by a change and refreshes the lists (landing counts included). */
function useStoreTestimony(spaceId: string) {
  const queryClient = useQueryClient();
  return (testimony: TestimonyView) => {
    queryClient.setQueryData(guideKeys.testimony(spaceId, testimony.id), testimony);
    void queryClient.invalidateQueries({ queryKey: guideKeys.testimonies(spaceId), exact: true });
  };
}

export function useCreateTestimony(spaceId: string) {
  const store = useStoreTestimony(spaceId);
  return useMutation({
    mutationFn: (body: CreateTestimonyRequest) => api.post<TestimonyView>(testimoniesPath(spaceId), body),
    onSuccess: store,
  });
}

export function useUpdateTestimony(spaceId: string, testimonyId: string) {
  const store = useStoreTestimony(spaceId);
  return useMutation({
    mutationFn: (body: UpdateTestimonyRequest) => api.patch<TestimonyView>(testimonyPath(spaceId, testimonyId), body),
    onSuccess: store,
  });
}

export function useChangeTestimonyStatus(spaceId: string, testimonyId: string) {
  const queryClient = useQueryClient();
  const store = useStoreTestimony(spaceId);
  return useMutation({
    mutationFn: (body: ChangeTestimonyStatusRequest) => api.post<TestimonyView>(`${testimonyPath(spaceId, testimonyId)}/status`, body),
    onSuccess: store,
    // A stale version: fetch the current one, so the next click carries it.
    onError: (error) => {
      if (isApiError(error, 409)) void queryClient.invalidateQueries({ queryKey: guideKeys.testimony(spaceId, testimonyId) });
    },
  });
}

export function useDeleteTestimony(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (testimonyId: string) => api.delete(testimonyPath(spaceId, testimonyId)),
    // Only the list: the page of the deleted testimony is left by the caller, not refetched into a 404.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: guideKeys.testimonies(spaceId), exact: true }),
  });
}

/**
 * Turns a session contribution marked « Témoignage » into a testimony of the session's space. A contribution already
 * turned into one answers 409 `testimony_exists` with the existing `testimonyId` (see `existingTestimonyId`).
 */
export function useTestimonyFromContribution(sessionId: string, spaceId: string) {
  const store = useStoreTestimony(spaceId);
  return useMutation({
    mutationFn: (body: TestimonyFromContributionRequest) => api.post<TestimonyView>(`/api/sessions/${encodeURIComponent(sessionId)}/testimonies`, body),
    onSuccess: store,
  });
}
