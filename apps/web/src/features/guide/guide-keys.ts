import { queryKeys } from '../../api/query-keys';
import { spacePath } from '../../api/space-path';

/**
 * The guide's queries live under the space's key, so the change notices of a space (`testimony`, `recommendation`,
 * `analysis` among them) refresh them through the events provider like every other area's.
 */
export const guideKeys = {
  testimonies: (spaceId: string) => [...queryKeys.space(spaceId), 'testimonies'] as const,
  testimony: (spaceId: string, testimonyId: string) => [...queryKeys.space(spaceId), 'testimonies', testimonyId] as const,
  recommendations: (spaceId: string) => [...queryKeys.space(spaceId), 'recommendations'] as const,
  recommendation: (spaceId: string, recommendationId: string) => [...queryKeys.space(spaceId), 'recommendations', recommendationId] as const,
  analyses: (spaceId: string) => [...queryKeys.space(spaceId), 'analyses'] as const,
};

export const testimoniesPath = (spaceId: string) => `${spacePath(spaceId)}/testimonies`;
export const testimonyPath = (spaceId: string, testimonyId: string) => `${testimoniesPath(spaceId)}/${encodeURIComponent(testimonyId)}`;
export const recommendationsPath = (spaceId: string) => `${spacePath(spaceId)}/recommendations`;
export const recommendationPath = (spaceId: string, id: string) => `${recommendationsPath(spaceId)}/${encodeURIComponent(id)}`;
export const analysesPath = (spaceId: string) => `${spacePath(spaceId)}/analyses`;
export const analysisPath = (spaceId: string, id: string) => `${analysesPath(spaceId)}/${encodeURIComponent(id)}`;

/** The pages of the guide in the app (French paths, like the space's other tabs). */
export const guideRoutes = {
  landing: (spaceId: string) => `/espaces/${spaceId}/guide`,
  document: (spaceId: string) => `/espaces/${spaceId}/guide/document`,
  testimonies: (spaceId: string) => `/espaces/${spaceId}/guide/temoignages`,
  testimony: (spaceId: string, id: string) => `/espaces/${spaceId}/guide/temoignages/${id}`,
  recommendations: (spaceId: string) => `/espaces/${spaceId}/guide/preconisations`,
  recommendation: (spaceId: string, id: string) => `/espaces/${spaceId}/guide/preconisations/${id}`,
  analyses: (spaceId: string) => `/espaces/${spaceId}/guide/analyses`,
  analysis: (spaceId: string, id: string) => `/espaces/${spaceId}/guide/analyses/${id}`,
};
