import type { Dispatch, SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../ui/field';
import type { FieldErrors } from '../../ui/form-feedback';
import { CELL_FACTS, type FactKey, POLE_FACTS, type SurveyDraft, isAmount } from './survey-form-model';

const LABELS: Record<FactKey, string> = {
  foundedYear: 'survey.form.cell.foundedYear',
  cellBudgetCents: 'survey.form.cell.budget',
  cellSelfFinancedPercent: 'survey.form.cell.selfFinanced',
  cellFte: 'survey.form.cell.fte',
  memberStructureCount: 'survey.form.pole.members',
  employeeCount: 'survey.form.pole.employees',
  consolidatedBudgetCents: 'survey.form.pole.consolidatedBudget',
};

interface Props {
  draft: SurveyDraft;
  setDraft: Dispatch<SetStateAction<SurveyDraft>>;
  errors: FieldErrors;
}

/** The panorama's facts: the cellule d'animation (age, budget, share self-financed, FTE) and the pole. */
export function SurveyFactsFields({ draft, setDraft, errors }: Props) {
  const { t } = useTranslation();
  const field = (key: FactKey) => (
    <TextField
      key={key}
      // The label keys are the form's own (a lookup table keeps them type-checked as plain strings).
      label={t(LABELS[key] as 'survey.form.cell.fte')}
      hint={t('survey.form.optional')}
      name={key}
      inputMode={key === 'foundedYear' ? 'numeric' : 'decimal'}
      autoComplete="off"
      className={isAmount(key) ? 'input' : 'input input--short'}
      value={draft.facts[key]}
      onChange={(e) => {
        const value = e.target.value;
        setDraft((d) => ({ ...d, facts: { ...d.facts, [key]: value } }));
      }}
      error={errors[`facts.${key}`]}
    />
  );
  return (
    <>
      <fieldset className="survey-form__group">
        <legend>{t('survey.form.cell.legend')}</legend>
        <div className="form__row">{CELL_FACTS.map(field)}</div>
      </fieldset>
      <fieldset className="survey-form__group">
        <legend>{t('survey.form.pole.legend')}</legend>
        <div className="form__row">{POLE_FACTS.map(field)}</div>
      </fieldset>
    </>
  );
}
