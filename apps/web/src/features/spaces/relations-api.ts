import type { CreateRelationRequest, OrganisationView, RelationView } from '@concerto/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { spacePath } from '../../api/space-path';

const relationsPath = (spaceId: string) => `${spacePath(spaceId)}/relations`;

export function useRelations(spaceId: string) {
  return useQuery({ queryKey: queryKeys.relations(spaceId), queryFn: () => api.get<RelationView[]>(relationsPath(spaceId)) });
}

export function useCollectivites() {
  return useQuery({
    queryKey: queryKeys.organisationsOfKind('collectivite'),
    queryFn: () => api.get<OrganisationView[]>('/api/organisations?kind=collectivite'),
  });
}

function useRefreshRelations(spaceId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.relations(spaceId) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.observatory });
  };
}

export function useCreateRelation(spaceId: string) {
  const refresh = useRefreshRelations(spaceId);
  return useMutation({
    mutationFn: (body: CreateRelationRequest) => api.post<RelationView>(relationsPath(spaceId), body),
    onSuccess: refresh,
  });
}

export function useDeleteRelation(spaceId: string) {
  const refresh = useRefreshRelations(spaceId);
  return useMutation({
    mutationFn: (relationId: string) => api.delete(`${relationsPath(spaceId)}/${encodeURIComponent(relationId)}`),
    onSettled: refresh,
  });
}
