import type { GuideView } from '@concerto/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { searchString } from '../../api/search-params';
import { currentLocale } from '../../i18n/locale';

/** Every cross-pole guide read (whatever its spaces and language). */
export const crossPoleGuideKey = [...queryKeys.observatory, 'guide'] as const;

/**
 * The cross-pole guide over some of the spaces I follow. Under the observatory's key: the notices that move its
 * figures (projects, funding lines, relations, poles) refresh it too; the language is part of the key (the server
 * words the view in it).
 */
export function useCrossPoleGuide(spaceIds: readonly string[], language: string) {
  const ids = [...spaceIds].sort();
  return useQuery({
    queryKey: [...crossPoleGuideKey, ids, language] as const,
    queryFn: () => api.get<GuideView>(`/api/observatory/guide${searchString({ spaceIds: ids })}`),
    enabled: ids.length > 0,
    placeholderData: keepPreviousData,
  });
}

/** The guide as a Word or PDF file, in the interface's language. */
export const crossPoleGuideExportUrl = (format: 'docx' | 'pdf', spaceIds: readonly string[]) =>
  `/api/observatory/guide/export${searchString({ format, lang: currentLocale(), spaceIds: [...spaceIds].sort() })}`;
