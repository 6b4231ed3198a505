import type { ImportReport } from '@concerto/domain';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** The lines of a CSV file that cannot be imported, and why. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const captionId = useId();
  return (
    <div className="table-wrapper" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="table">
        <caption id={captionId}>{t('imports.errorsCaption', { count: report.errors.length, rows: report.rowCount })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('imports.line')}</th>
            <th scope="col">{t('imports.column')}</th>
            <th scope="col">{t('imports.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {report.errors.map((issue, index) => (
            <tr key={`${issue.line}-${issue.column ?? ''}-${index}`}>
              <td>{issue.line}</td>
              <td>{issue.column ?? '—'}</td>
              <td>{issue.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
