import type { DepartementCode, MapMesh, ObservatoryMapView, RegionCode } from '@concerto/domain';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { searchString } from '../../api/search-params';
import type { ObservatoryFilters } from './observatory-api';

/** The territory the observatory's figures are narrowed to, set from the map (or its table). */
export interface TerritoryFilter {
  region?: RegionCode;
  departement?: DepartementCode;
}

/** A feature of the shipped boundaries: INSEE code, and a point inside it where the territory's poles are placed. */
export interface TerritoryShape {
  type: 'Feature';
  properties: { code: string; cx: number; cy: number; name?: string; region?: string };
  geometry: unknown;
}
export interface TerritoryShapes {
  type: 'FeatureCollection';
  features: TerritoryShape[];
}

/** The map's per-territory figures, over the same scope and filters as the other figures. */
export function useObservatoryMap(filters: ObservatoryFilters, mesh: MapMesh) {
  return useQuery({
    queryKey: [...queryKeys.observatory, 'map', mesh, filters] as const,
    queryFn: () => api.get<ObservatoryMapView>(`/api/observatory/map${searchString({ ...filters, mesh })}`),
    placeholderData: (previous) => (previous?.mesh === mesh ? previous : undefined),
  });
}

/** The boundaries shipped with the app (hashed chunks, precached by the service worker): no tile server. */
export function useFranceShapes(mesh: MapMesh) {
  return useQuery({
    queryKey: ['france-shapes', mesh] as const,
    queryFn: async (): Promise<TerritoryShapes> =>
      (mesh === 'region' ? await import('./geo/france-regions.json') : await import('./geo/france-departements.json')).default as TerritoryShapes,
    staleTime: Infinity,
    gcTime: Infinity,
  });
}
