import { FundingStatus, type FundingLineView, type ProjectDetail } from '@concerto/domain';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { useDeleteFundingLine, useUpdateFundingLine } from './funding-api';
import { vocabularyOptions } from '../../ui/vocabulary-options';
import { ErrorAlert, StatusMessage } from '../../ui/alert';
import { Button } from '../../ui/button';
import { errorMessage } from '../../ui/form-feedback';
import { formatEuros } from '../../ui/format';
import { FundingLineForm } from './funding-line-form';

/** The money of the project: one line per funder, year and kind, with its status. */
export function FundingLinesSection({ spaceId, project, canEdit }: { spaceId: string; project: ProjectDetail; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const update = useUpdateFundingLine(spaceId, project.id);
  const remove = useDeleteFundingLine(spaceId, project.id);
  const [status, setStatus] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  // The detail's lines are loosely typed in the contract; they are FundingLineView on the wire.
  const lines = [...(project.fundingLines as FundingLineView[])].sort((a, b) => b.year - a.year || a.funder.name.localeCompare(b.funder.name));
  const statusOptions = vocabularyOptions(t, FundingStatus);
  const { requestedCents, securedCents, paidCents } = project.funding;

  const fail = (error: unknown) => {
    setActionError(
      isApiError(error, 409) ? `${errorMessage(t, error)} ${t('funding.reloaded')}` : errorMessage(t, error),
    );
  };

  const changeStatus = (line: FundingLineView, next: FundingStatus) => {
    setStatus(null);
    setActionError(null);
    update.mutate(
      { lineId: line.id, body: { version: line.version, status: next } },
      {
        onSuccess: () => setStatus(t('funding.statusChanged', { funder: line.funder.name, status: t(`vocab.fundingStatus.${next}`) })),
        onError: fail,
      },
    );
  };

  const deleteLine = (line: FundingLineView) => {
    const amount = formatEuros(line.amountCents, i18n.language);
    if (!window.confirm(t('funding.confirmDelete', { funder: line.funder.name, amount }))) return;
    setStatus(null);
    setActionError(null);
    remove.mutate(line.id, { onSuccess: () => setStatus(t('funding.deleted', { funder: line.funder.name, amount })), onError: fail });
  };

  return (
    <section className="section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('funding.title')}</h2>
      <dl className="funding-totals">
        <div>
          <dt>{t('vocab.fundingStatus.requested')}</dt>
          <dd>{formatEuros(requestedCents, i18n.language)}</dd>
        </div>
        <div>
          <dt>{t('vocab.fundingStatus.secured')}</dt>
          <dd>{formatEuros(securedCents, i18n.language)}</dd>
        </div>
        <div>
          <dt>{t('vocab.fundingStatus.paid')}</dt>
          <dd>{formatEuros(paidCents, i18n.language)}</dd>
        </div>
      </dl>
      <ErrorAlert>{actionError}</ErrorAlert>
      <StatusMessage>{status}</StatusMessage>
      {lines.length === 0 ? (
        <p className="empty">{t('funding.empty')}</p>
      ) : (
        <div className="table-wrapper" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
          <table className="table">
            <caption id={`${id}-caption`}>{t('funding.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('funding.funder')}</th>
                <th scope="col">{t('funding.level')}</th>
                <th scope="col">{t('funding.year')}</th>
                <th scope="col" className="table__number">{t('funding.amount')}</th>
                <th scope="col">{t('funding.kind')}</th>
                <th scope="col">{t('funding.instrument')}</th>
                <th scope="col">{t('funding.status')}</th>
                {canEdit ? <th scope="col">{t('members.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {lines.map((line) => (
                <tr key={line.id}>
                  <th scope="row" id={`${id}-${line.id}`}>{line.funder.name}</th>
                  <td>{t(`vocab.funderLevel.${line.funderLevel}`)}</td>
                  <td>{line.year}</td>
                  <td className="table__number">{formatEuros(line.amountCents, i18n.language)}</td>
                  <td>{t(`vocab.fundingKind.${line.kind}`)}</td>
                  <td>{line.instrument || '—'}</td>
                  <td>
                    {canEdit ? (
                      <select
                        className="input input--select input--compact"
                        aria-label={t('funding.statusOf', { funder: line.funder.name, year: line.year })}
                        value={line.status}
                        onChange={(e) => changeStatus(line, e.target.value as FundingStatus)}
                      >
                        {statusOptions.map((option) => (
                          <option key={option.value} value={option.value}>
                            {option.label}
                          </option>
                        ))}
                      </select>
                    ) : (
                      t(`vocab.fundingStatus.${line.status}`)
                    )}
                  </td>
                  {canEdit ? (
                    <td>
                      <Button variant="secondary" aria-describedby={`${id}-${line.id}`} onClick={() => deleteLine(line)}>
                        {t('funding.delete')}
                      </Button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canEdit ? <FundingLineForm spaceId={spaceId} projectId={project.id} /> : null}
    </section>
  );
}
