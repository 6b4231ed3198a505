import { CreateIndicatorRequest, IndicatorKind, type IndicatorView, type ProjectDetail } from '@concerto/domain';
import { useCallback, useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { IndicatorCharts } from './indicator-charts';
import { useCreateIndicator, useDeleteIndicator } from './projects-api';
import { vocabularyOptions } from '../../ui/vocabulary-options';
import { ErrorAlert, StatusMessage } from '../../ui/alert';
import { Button } from '../../ui/button';
import { DataTable } from '../../ui/data-table';
import { SelectField, TextField } from '../../ui/field';
import { useFormFeedback, validate } from '../../ui/form-feedback';
import { formatDate, formatNumber, parseDecimal } from '../../ui/format';
import { useActionFeedback, useConfirmedMutation } from '../../ui/use-confirmed-mutation';

const FIELDS = ['kind', 'label', 'unit', 'measuredOn', 'value'] as const;

/** Measures of the project's indicators: a chart per indicator over time, every measure by date, and a form to add one. */
export function IndicatorsSection({ spaceId, project, canEdit }: { spaceId: string; project: ProjectDetail; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const create = useCreateIndicator(spaceId, project.id);
  const feedback = useActionFeedback();
  const remove = useConfirmedMutation(useDeleteIndicator(spaceId, project.id), feedback);
  const [kind, setKind] = useState<IndicatorKind>('jobs_created');
  const [label, setLabel] = useState('');
  const [unit, setUnit] = useState('');
  const [measuredOn, setMeasuredOn] = useState('');
  const [value, setValue] = useState('');
  const { formRef, fieldErrors, formError, clear, showFieldErrors, showError } = useFormFeedback({ fields: FIELDS });
  const measures = useMemo(() => [...project.indicators].sort((a, b) => a.measuredOn.localeCompare(b.measuredOn)), [project.indicators]);
  const nameOf = useCallback((m: IndicatorView) => (m.kind === 'custom' ? m.label : t(`vocab.indicatorKind.${m.kind}`)), [t]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    clear();
    feedback.clear();
    const number = parseDecimal(value);
    if (Number.isNaN(number)) return showFieldErrors({ value: t('projects.indicators.notANumber') });
    const checked = validate(t, CreateIndicatorRequest, { kind, label, unit, measuredOn, value: number ?? undefined });
    if (!checked.ok) return showFieldErrors(checked.errors);
    create.mutate(checked.data, {
      onSuccess: (measure) => {
        setValue('');
        feedback.succeed(t('projects.indicators.added', { name: nameOf(measure) }));
      },
      onError: showError,
    });
  };

  return (
    <section className="section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('projects.indicators.title')}</h2>
      <ErrorAlert>{feedback.error}</ErrorAlert>
      <StatusMessage>{feedback.status}</StatusMessage>
      {measures.length === 0 ? (
        <p className="empty">{t('projects.indicators.empty')}</p>
      ) : (
        <>
          <IndicatorCharts measures={measures} nameOf={nameOf} />
          <DataTable
            caption={t('projects.indicators.caption')}
            rows={measures}
            rowKey={(m) => m.id}
            columns={[
              { key: 'measuredOn', header: t('projects.indicators.measuredOn'), cell: (m) => formatDate(m.measuredOn, i18n.language) },
              { key: 'indicator', header: t('projects.indicators.indicator'), rowHeader: true, cellId: (m) => `${id}-${m.id}`, cell: nameOf },
              {
                key: 'value',
                header: t('projects.indicators.value'),
                cell: (m) => (
                  <>
                    {formatNumber(m.value, i18n.language)} {m.unit}
                  </>
                ),
              },
              canEdit && {
                key: 'actions',
                header: t('members.actions'),
                cell: (m) => (
                  <Button
                    variant="secondary"
                    aria-describedby={`${id}-${m.id}`}
                    onClick={() => remove(m.id, { question: t('projects.indicators.confirmDelete', { name: nameOf(m) }) })}
                  >
                    {t('projects.indicators.delete')}
                  </Button>
                ),
              },
            ]}
          />
        </>
      )}
      {canEdit ? (
        <form className="card form" ref={formRef} noValidate onSubmit={onSubmit} aria-labelledby={`${id}-add`}>
          <h3 id={`${id}-add`}>{t('projects.indicators.add')}</h3>
          <ErrorAlert>{formError}</ErrorAlert>
          <div className="form__row">
            <SelectField
              label={t('projects.indicators.kind')}
              name="kind"
              options={vocabularyOptions(t, IndicatorKind)}
              value={kind}
              onChange={(e) => setKind(e.target.value as IndicatorKind)}
              error={fieldErrors.kind}
            />
            <TextField
              label={t('projects.indicators.label')}
              hint={kind === 'custom' ? undefined : t('form.optional')}
              name="label"
              value={label}
              onChange={(e) => setLabel(e.target.value)}
              error={fieldErrors.label}
            />
            <TextField
              label={t('projects.indicators.unit')}
              hint={t('form.optional')}
              name="unit"
              value={unit}
              onChange={(e) => setUnit(e.target.value)}
              error={fieldErrors.unit}
            />
            <TextField
              label={t('projects.indicators.measuredOn')}
              name="measuredOn"
              type="date"
              value={measuredOn}
              onChange={(e) => setMeasuredOn(e.target.value)}
              error={fieldErrors.measuredOn}
            />
            <TextField
              label={t('projects.indicators.value')}
              hint={t('projects.indicators.valueHint')}
              name="value"
              inputMode="decimal"
              value={value}
              onChange={(e) => setValue(e.target.value)}
              error={fieldErrors.value}
              className="input input--short"
            />
          </div>
          <div className="form__actions">
            <Button type="submit" busy={create.isPending}>
              {t('projects.indicators.submit')}
            </Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
