import type { IndicatorsOverTimeView, PoleIndicatorsView, RolledUpIndicator } from '@concerto/domain';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { searchString } from '../../api/search-params';
import type { ObservatoryFilters } from './observatory-api';

/** The projects' indicators by year over my scope; under the observatory's key, so every change in my spaces refreshes it. */
export function useObservatoryIndicators(filters: ObservatoryFilters) {
  return useQuery({
    queryKey: [...queryKeys.observatory, 'indicators', filters] as const,
    queryFn: () => api.get<IndicatorsOverTimeView>(`/api/observatory/indicators${searchString(filters)}`),
    placeholderData: (previous) => previous,
  });
}

/** One indicator's values per pole and year over my scope (the first poles in French order). */
export function usePoleIndicators(filters: ObservatoryFilters, kind: RolledUpIndicator | null) {
  return useQuery({
    queryKey: [...queryKeys.observatory, 'indicators-poles', kind, filters] as const,
    queryFn: () => api.get<PoleIndicatorsView>(`/api/observatory/indicators/poles${searchString({ ...filters, kind })}`),
    enabled: kind !== null,
    placeholderData: (previous) => previous,
  });
}
