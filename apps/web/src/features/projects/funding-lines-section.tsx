import { FundingStatus, type FundingLineView, type ProjectDetail } from '@concerto/domain';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { useDeleteFundingLine, useUpdateFundingLine } from './funding-api';
import { vocabularyOptions } from '../../ui/vocabulary-options';
import { ErrorAlert, StatusMessage } from '../../ui/alert';
import { Button } from '../../ui/button';
import { DataTable } from '../../ui/data-table';
import { errorMessage } from '../../ui/form-feedback';
import { formatEuros } from '../../ui/format';
import { useActionFeedback, useConfirmedMutation } from '../../ui/use-confirmed-mutation';
import { FundingLineForm } from './funding-line-form';

/** The money of the project: one line per funder, year and kind, with its status. */
export function FundingLinesSection({ spaceId, project, canEdit }: { spaceId: string; project: ProjectDetail; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const update = useUpdateFundingLine(spaceId, project.id);
  const feedback = useActionFeedback();
  const remove = useConfirmedMutation(useDeleteFundingLine(spaceId, project.id), feedback);
  // The detail's lines are loosely typed in the contract; they are FundingLineView on the wire.
  const lines = [...(project.fundingLines as FundingLineView[])].sort((a, b) => b.year - a.year || a.funder.name.localeCompare(b.funder.name));
  const statusOptions = vocabularyOptions(t, FundingStatus);
  const { requestedCents, securedCents, paidCents } = project.funding;

  /** A stale version (409): the line was changed elsewhere and the project reloaded. */
  const failure = (error: unknown) => (isApiError(error, 409) ? `${errorMessage(t, error)} ${t('funding.reloaded')}` : errorMessage(t, error));

  const changeStatus = (line: FundingLineView, next: FundingStatus) => {
    feedback.clear();
    update.mutate(
      { lineId: line.id, body: { version: line.version, status: next } },
      {
        onSuccess: () => feedback.succeed(t('funding.statusChanged', { funder: line.funder.name, status: t(`vocab.fundingStatus.${next}`) })),
        onError: (error) => feedback.fail(failure(error)),
      },
    );
  };

  const deleteLine = (line: FundingLineView) => {
    const amount = formatEuros(line.amountCents, i18n.language);
    remove(line.id, {
      question: t('funding.confirmDelete', { funder: line.funder.name, amount }),
      success: t('funding.deleted', { funder: line.funder.name, amount }),
      failure,
    });
  };

  return (
    <section className="section" id="financements" aria-labelledby={`${id}-title`}>
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
      <ErrorAlert>{feedback.error}</ErrorAlert>
      <StatusMessage>{feedback.status}</StatusMessage>
      {lines.length === 0 ? (
        <p className="empty">{t('funding.empty')}</p>
      ) : (
        <DataTable
          caption={t('funding.caption')}
          rows={lines}
          rowKey={(line) => line.id}
          columns={[
            { key: 'funder', header: t('funding.funder'), rowHeader: true, cellId: (line) => `financement-${line.id}`, cell: (line) => line.funder.name },
            { key: 'level', header: t('funding.level'), cell: (line) => t(`vocab.funderLevel.${line.funderLevel}`) },
            { key: 'year', header: t('funding.year'), cell: (line) => line.year },
            { key: 'amount', header: t('funding.amount'), numeric: true, cell: (line) => formatEuros(line.amountCents, i18n.language) },
            { key: 'kind', header: t('funding.kind'), cell: (line) => t(`vocab.fundingKind.${line.kind}`) },
            { key: 'instrument', header: t('funding.instrument'), cell: (line) => line.instrument || '—' },
            {
              key: 'status',
              header: t('funding.status'),
              cell: (line) =>
                canEdit ? (
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
                ),
            },
            canEdit && {
              key: 'actions',
              header: t('members.actions'),
              cell: (line) => (
                <Button variant="secondary" aria-describedby={`financement-${line.id}`} onClick={() => deleteLine(line)}>
                  {t('funding.delete')}
                </Button>
              ),
            },
          ]}
        />
      )}
      {canEdit ? <FundingLineForm spaceId={spaceId} projectId={project.id} /> : null}
    </section>
  );
}
