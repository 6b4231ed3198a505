import { ImportReport, type ImportKind } from '@concerto/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { spacePath } from '../../api/space-path';

const csvPath = (spaceId: string) => `${spacePath(spaceId)}/projects-csv`;

/** Link targets of the CSV files (downloaded by the browser with the session cookie). */
export const csvTemplateUrl = (spaceId: string, kind: ImportKind) => `${csvPath(spaceId)}/template?kind=${kind}`;
export const csvExportUrl = (spaceId: string, kind: ImportKind) => `${csvPath(spaceId)}/export?kind=${kind}`;

/** The report inside a refused import (422 `import_invalid`), if the error carries one. */
export function importReportOf(error: unknown): ImportReport | null {
  if (!isApiError(error) || !error.body || typeof error.body !== 'object' || !('report' in error.body)) return null;
  const parsed = ImportReport.safeParse(error.body.report);
  return parsed.success ? parsed.data : null;
}

/**
 * A picked file's bytes in base64, as the import expects them: the server reads UTF-8 or, when the bytes are not valid
 * UTF-8, Windows-1252 (what Excel writes), so the file is sent as it is rather than decoded here.
 */
export function fileAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable file'));
    reader.readAsDataURL(file);
  });
}

export function useImportCsv(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { kind: ImportKind; file: string; dryRun: boolean }) => api.post<ImportReport>(`${csvPath(spaceId)}/import`, body),
    onSuccess: (report) => {
      if (report.dryRun) return;
      void queryClient.invalidateQueries({ queryKey: queryKeys.projects(spaceId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.observatory });
    },
  });
}
