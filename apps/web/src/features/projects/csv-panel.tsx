import { MAX_IMPORT_BYTES, type ImportKind, type ImportReport } from '@concerto/domain';
import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { csvExportUrl, csvTemplateUrl, fileAsBase64, importReportOf, useImportCsv } from './imports-api';
import { ErrorAlert, StatusMessage } from '../../ui/alert';
import { Button } from '../../ui/button';
import { RadioGroup } from '../../ui/choice-group';
import { errorMessage } from '../../ui/form-feedback';
import { ImportReportView } from './import-report';

const KINDS: readonly ImportKind[] = ['projects', 'funding_lines'];

/** CSV files of the space: templates and exports for everyone, the checked import for editors. */
export function CsvPanel({ spaceId, canImport }: { spaceId: string; canImport: boolean }) {
  const { t } = useTranslation();
  const fileId = useId();
  const importCsv = useImportCsv(spaceId);
  const [kind, setKind] = useState<ImportKind>('projects');
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const reset = () => {
    setReport(null);
    setError(null);
    setDone(null);
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    reset();
    const picked = event.target.files?.[0];
    if (!picked) return setFile(null);
    if (picked.size > MAX_IMPORT_BYTES) {
      setFile(null);
      return setError(t('imports.tooLarge'));
    }
    try {
      setFile({ name: picked.name, base64: await fileAsBase64(picked) });
    } catch {
      setFile(null);
      setError(t('imports.unreadable'));
    }
  };

  const run = (dryRun: boolean) => {
    if (!file || importCsv.isPending) return;
    reset();
    importCsv.mutate(
      { kind, file: file.base64, dryRun },
      {
        onSuccess: (result) => {
          setReport(result);
          if (!dryRun) {
            setDone(t('imports.imported', { count: result.created }));
            setFile(null);
          }
        },
        onError: (failure) => {
          const refused = importReportOf(failure);
          if (refused) setReport(refused);
          setError(errorMessage(t, failure));
        },
      },
    );
  };

  const checkedValid = report?.dryRun === true && report.valid;

  return (
    <section className="section csv-panel" aria-labelledby={`${fileId}-title`}>
      <h3 id={`${fileId}-title`}>{t('imports.title')}</h3>
      <div className="csv-panel__links">
        {KINDS.map((k) => (
          <div key={k}>
            <h4>{t(`imports.kinds.${k}`)}</h4>
            <ul className="link-list">
              <li>
                <a href={csvTemplateUrl(spaceId, k)} download>
                  {t('imports.template', { kind: t(`imports.kinds.${k}`) })}
                </a>
              </li>
              <li>
                <a href={csvExportUrl(spaceId, k)} download>
                  {t('imports.export', { kind: t(`imports.kinds.${k}`) })}
                </a>
              </li>
            </ul>
          </div>
        ))}
      </div>
      {canImport ? (
        <div className="card form">
          <h4>{t('imports.importTitle')}</h4>
          <p className="muted">{t('imports.help')}</p>
          <RadioGroup
            legend={t('imports.kind')}
            name="import-kind"
            options={KINDS.map((k) => ({ value: k, label: t(`imports.kinds.${k}`) }))}
            value={kind}
            onChange={(next) => {
              setKind(next);
              reset();
            }}
          />
          <div className="field">
            <label className="field__label" htmlFor={fileId}>
              {t('imports.file')}
            </label>
            <input id={fileId} className="input input--file" type="file" accept=".csv,text/csv" onChange={(e) => void onFile(e)} />
          </div>
          <div className="form__actions">
            <Button variant="secondary" disabled={!file} busy={importCsv.isPending && importCsv.variables?.dryRun} onClick={() => run(true)}>
              {t('imports.check')}
            </Button>
            <Button disabled={!file || !checkedValid} busy={importCsv.isPending && !importCsv.variables?.dryRun} onClick={() => run(false)}>
              {t('imports.import')}
            </Button>
          </div>
          <ErrorAlert>{error}</ErrorAlert>
          {report ? <p className="muted">{t('imports.encoding', { encoding: t(`imports.encodings.${report.encoding}`) })}</p> : null}
          <StatusMessage>{done ?? (checkedValid ? t('imports.valid', { count: report.rowCount }) : null)}</StatusMessage>
          {report && !report.valid ? <ImportReportView report={report} /> : null}
        </div>
      ) : null}
    </section>
  );
}
