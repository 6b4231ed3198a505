import type { ImportReport } from '@concerto/domain';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../ui/data-table';

/** The lines of a CSV file that cannot be imported, and why. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  return (
    <DataTable
      caption={t('imports.errorsCaption', { count: report.errors.length, rows: report.rowCount })}
      rows={report.errors}
      rowKey={(issue, index) => `${issue.line}-${issue.column ?? ''}-${index}`}
      columns={[
        { key: 'line', header: t('imports.line'), cell: (issue) => issue.line },
        { key: 'column', header: t('imports.column'), cell: (issue) => issue.column ?? '—' },
        { key: 'problem', header: t('imports.problem'), cell: (issue) => issue.message },
      ]}
    />
  );
}
