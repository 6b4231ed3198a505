import { FunderLevel, FundingStatus, Implantation, PoleStage, ProjectStage, Sector, type Vocabulary } from '@concerto/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSpaces } from '../spaces/spaces-api';
import { vocabularyOptions } from '../../ui/vocabulary-options';
import { Button } from '../../ui/button';
import { CheckboxGroup } from '../../ui/choice-group';
import { SelectField, TextField } from '../../ui/field';
import { useFormFeedback } from '../../ui/form-feedback';
import { EMPTY_FILTERS, periodErrors, type FilterFormValues } from './observatory-filters-model';
import { useSelections } from './sample/sample-api';

const FIELDS = ['from', 'to'] as const;

/**
 * Period and filters of every figure of the observatory, applied together. « Réinitialiser » empties the form and
 * calls `onReset` (the page also forgets what lies outside the form, e.g. the territory chosen on the map).
 */
export function ObservatoryFiltersForm({
  onApply,
  onReset,
  initial,
}: {
  onApply: (values: FilterFormValues) => void;
  onReset: () => void;
  initial?: Partial<FilterFormValues>;
}) {
  const { t } = useTranslation();
  const spaces = useSpaces();
  const selections = useSelections();
  const [values, setValues] = useState<FilterFormValues>(() => ({ ...EMPTY_FILTERS, ...initial }));
  const { formRef, fieldErrors, formError, clear, showFieldErrors } = useFormFeedback({ fields: FIELDS });
  const set =
    <K extends keyof FilterFormValues>(key: K) =>
    (value: FilterFormValues[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  const choices = <K extends string>(vocabulary: Vocabulary<K>) => [{ value: '', label: t('observatory.filters.all') }, ...vocabularyOptions(t, vocabulary)];

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    clear();
    const errors = periodErrors(values);
    if (Object.keys(errors).length > 0) {
      return showFieldErrors(Object.fromEntries(Object.entries(errors).map(([field, kind]) => [field, t(`observatory.filters.${kind}Error`)])));
    }
    onApply(values);
  };

  return (
    <form className="card form observatory-filters" ref={formRef} noValidate onSubmit={onSubmit} aria-labelledby="observatory-filters-title">
      <h2 id="observatory-filters-title">{t('observatory.filters.title')}</h2>
      {formError ? <p className="field__error">{formError}</p> : null}
      <div className="form__row">
        <TextField
          label={t('observatory.filters.from')}
          hint={t('observatory.filters.yearHint')}
          name="from"
          inputMode="numeric"
          value={values.from}
          onChange={(e) => set('from')(e.target.value)}
          error={fieldErrors.from}
          className="input input--short"
        />
        <TextField
          label={t('observatory.filters.to')}
          hint={t('observatory.filters.yearHint')}
          name="to"
          inputMode="numeric"
          value={values.to}
          onChange={(e) => set('to')(e.target.value)}
          error={fieldErrors.to}
          className="input input--short"
        />
        <TextField
          label={t('observatory.filters.territory')}
          hint={t('form.optional')}
          name="territory"
          value={values.territory}
          onChange={(e) => set('territory')(e.target.value)}
        />
        <SelectField
          label={t('observatory.filters.space')}
          options={[{ value: '', label: t('observatory.filters.allSpaces') }, ...(spaces.data ?? []).map((s) => ({ value: s.id, label: s.title }))]}
          value={values.spaceId}
          onChange={(e) => set('spaceId')(e.target.value)}
        />
        <SelectField
          label={t('sample.filter.label')}
          hint={t('sample.filter.hint')}
          name="selectionId"
          options={[{ value: '', label: t('sample.filter.all') }, ...(selections.data ?? []).map((s) => ({ value: s.id, label: s.name }))]}
          value={values.selectionId}
          onChange={(e) => set('selectionId')(e.target.value)}
        />
      </div>
      <div className="form__row">
        <SelectField
          label={t('observatory.filters.poleStage')}
          options={choices(PoleStage)}
          value={values.poleStage}
          onChange={(e) => set('poleStage')(e.target.value)}
        />
        <SelectField
          label={t('observatory.filters.projectStage')}
          options={choices(ProjectStage)}
          value={values.projectStage}
          onChange={(e) => set('projectStage')(e.target.value)}
        />
        <SelectField
          label={t('observatory.filters.implantation')}
          options={choices(Implantation)}
          value={values.implantation}
          onChange={(e) => set('implantation')(e.target.value)}
        />
        <SelectField label={t('observatory.filters.sector')} options={choices(Sector)} value={values.sector} onChange={(e) => set('sector')(e.target.value)} />
        <SelectField
          label={t('observatory.filters.level')}
          options={choices(FunderLevel)}
          value={values.level}
          onChange={(e) => set('level')(e.target.value)}
        />
      </div>
      <CheckboxGroup
        legend={t('observatory.filters.statuses')}
        hint={t('observatory.filters.statusesHint')}
        name="statuses"
        options={vocabularyOptions(t, FundingStatus)}
        value={values.statuses}
        onChange={set('statuses')}
      />
      <div className="form__actions">
        <Button type="submit">{t('observatory.filters.apply')}</Button>
        <Button
          variant="secondary"
          onClick={() => {
            clear();
            setValues(EMPTY_FILTERS);
            onReset();
          }}
        >
          {t('observatory.filters.reset')}
        </Button>
      </div>
    </form>
  );
}
