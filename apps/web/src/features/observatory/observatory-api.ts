import type { FundingTableView, ObservatoryQuery, PanoramaView } from '@concerto/domain';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { searchString } from '../../api/search-params';

/** The observatory filters as sent in the query string (statuses as a list). */
export type ObservatoryFilters = Partial<Omit<ObservatoryQuery, 'statuses'>> & { statuses?: readonly string[] };

export type ObservatoryDataset = 'funding' | 'panorama' | 'funding_lines' | 'indicators' | 'indicators_by_pole';

export function useFundingTable(filters: ObservatoryFilters) {
  return useQuery({
    queryKey: queryKeys.observatoryFunding(filters),
    queryFn: () => api.get<FundingTableView>(`/api/observatory/funding${searchString(filters)}`),
    placeholderData: (previous) => previous,
  });
}

export function usePanorama(filters: ObservatoryFilters) {
  return useQuery({
    queryKey: queryKeys.observatoryPanorama(filters),
    queryFn: () => api.get<PanoramaView>(`/api/observatory/panorama${searchString(filters)}`),
    placeholderData: (previous) => previous,
  });
}

export const observatoryExportUrl = (dataset: ObservatoryDataset, format: 'csv' | 'json', filters: ObservatoryFilters) =>
  `/api/observatory/export${searchString({ dataset, format, ...filters })}`;
