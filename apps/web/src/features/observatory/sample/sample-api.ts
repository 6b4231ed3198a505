import type { SampleCoverageView, SamplePoleSearchView, SampleSelectionRequest, SampleSelectionSummary, SampleSelectionView } from '@concerto/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { queryKeys } from '../../../api/query-keys';
import { searchString } from '../../../api/search-params';

/** Under the observatory's key: a change in one of my spaces refreshes them with the figures. */
const sampleKeys = {
  coverage: (poleIds: readonly string[] | null) => [...queryKeys.observatory, 'sample', 'coverage', poleIds] as const,
  poles: (q: string) => [...queryKeys.observatory, 'sample', 'poles', q] as const,
  selections: [...queryKeys.observatory, 'sample', 'selections'] as const,
  selection: (id: string) => [...queryKeys.observatory, 'sample', 'selections', id] as const,
};

/** The grid's coverage by these poles, or (null) by every pole of my spaces. */
export function useCoverage(poleIds: readonly string[] | null) {
  return useQuery({
    queryKey: sampleKeys.coverage(poleIds),
    queryFn: () => api.post<SampleCoverageView>('/api/sample/coverage', poleIds ? { poleIds } : {}),
    placeholderData: keepPreviousData,
  });
}

export function usePoleSearch(q: string) {
  return useQuery({
    queryKey: sampleKeys.poles(q),
    queryFn: () => api.get<SamplePoleSearchView>(`/api/sample/poles${searchString({ q, limit: 20 })}`),
    placeholderData: keepPreviousData,
  });
}

export function useSelections() {
  return useQuery({ queryKey: sampleKeys.selections, queryFn: () => api.get<SampleSelectionSummary[]>('/api/sample/selections') });
}

export function useSelection(id: string | null) {
  return useQuery({
    queryKey: sampleKeys.selection(id ?? ''),
    queryFn: () => api.get<SampleSelectionView>(`/api/sample/selections/${id}`),
    enabled: id !== null,
  });
}

/** Saves a new selection (no id) or replaces one; the selections and every observatory figure are read again. */
export function useSaveSelection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, request }: { id: string | null; request: SampleSelectionRequest }) =>
      id ? api.put<SampleSelectionView>(`/api/sample/selections/${id}`, request) : api.post<SampleSelectionView>('/api/sample/selections', request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.observatory }),
  });
}

export function useDeleteSelection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/sample/selections/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.observatory }),
  });
}
