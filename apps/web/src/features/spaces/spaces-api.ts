import type { CreateSpaceRequest, PoleView, SpaceSummary, SpaceView, UpdatePoleProfileRequest } from '@concerto/domain';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { spacePath } from '../../api/space-path';

/** A pole as listed by `GET /api/poles`. */
export interface PoleChoice {
  id: string;
  name: string;
  territory: string;
  canCreateSpace: boolean;
}

export const spaceListQuery = queryOptions({
  queryKey: queryKeys.spaceList,
  queryFn: () => api.get<SpaceSummary[]>('/api/spaces'),
});

export const spaceQuery = (spaceId: string) => queryOptions({ queryKey: queryKeys.space(spaceId), queryFn: () => api.get<SpaceView>(spacePath(spaceId)) });

export function useSpaces() {
  return useQuery(spaceListQuery);
}

export function useSpace(spaceId: string) {
  return useQuery(spaceQuery(spaceId));
}

export function usePoles() {
  return useQuery({ queryKey: queryKeys.poles, queryFn: () => api.get<PoleChoice[]>('/api/poles') });
}

export function useCreateSpace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSpaceRequest) => api.post<SpaceView>('/api/spaces', body),
    onSuccess: (space) => {
      queryClient.setQueryData(queryKeys.space(space.id), space);
      void queryClient.invalidateQueries({ queryKey: queryKeys.spaceList });
      void queryClient.invalidateQueries({ queryKey: queryKeys.poles });
    },
  });
}

export function useUpdatePole(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdatePoleProfileRequest) => api.patch<PoleView>(`${spacePath(spaceId)}/pole`, body),
    onSuccess: (pole) => {
      queryClient.setQueryData<SpaceView>(queryKeys.space(spaceId), (space) => (space ? { ...space, pole } : space));
      void queryClient.invalidateQueries({ queryKey: queryKeys.spaceList });
      void queryClient.invalidateQueries({ queryKey: queryKeys.poles });
    },
  });
}
