import type { CreateOrganisationRequest, OrganisationView } from '@concerto/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { queryKeys } from './query-keys';

export function useOrganisations() {
  return useQuery({
    queryKey: queryKeys.organisations,
    queryFn: () => api.get<OrganisationView[]>('/api/organisations'),
  });
}

export function useCreateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateOrganisationRequest) => api.post<OrganisationView>('/api/organisations', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.organisations }),
  });
}
