import { useTranslation } from 'react-i18next';
import { TextField } from '../../ui/field';
import type { FieldErrors } from '../../ui/form-feedback';
import { KEY_FIGURES, isEuroFigure, type PoleFormValues } from './pole-form-model';

type KeyFigure = (typeof KEY_FIGURES)[number];

const INPUT_MODES: Record<KeyFigure, 'numeric' | 'decimal'> = {
  foundedYear: 'numeric',
  cellBudgetCents: 'decimal',
  cellSelfFinancedPercent: 'decimal',
  cellFte: 'decimal',
  employeeCount: 'numeric',
  consolidatedBudgetCents: 'decimal',
};

/** The pole's key figures (used by the observatory's median profiles and totals); all optional. */
export function PoleKeyFiguresFields({
  values,
  onChange,
  errors,
}: {
  values: PoleFormValues;
  onChange: (field: KeyFigure, value: string) => void;
  errors: FieldErrors;
}) {
  const { t } = useTranslation();
  return (
    <>
      {KEY_FIGURES.map((field) => (
        <TextField
          key={field}
          label={t(`pole.keyFigures.${field}`)}
          hint={isEuroFigure(field) ? t('pole.keyFigures.euroHint') : t('form.optional')}
          name={field}
          inputMode={INPUT_MODES[field]}
          autoComplete="off"
          value={values[field]}
          onChange={(e) => onChange(field, e.target.value)}
          error={errors[field]}
          className="input input--short"
        />
      ))}
    </>
  );
}
