import { FunderLevel, LiveMeasure } from '@concerto/domain';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button';
import { FieldError, SelectField, TextField } from '../../ui/field';
import { vocabularyOptions } from '../../ui/vocabulary-options';
import { useProjects } from '../projects/projects-api';
import type { FigureFormValue } from './testimony-form-model';
import type { FieldErrors } from '../../ui/form-feedback';

interface FiguresEditorProps {
  spaceId: string;
  value: FigureFormValue[];
  onChange: (next: FigureFormValue[]) => void;
  /** Errors keyed `figures.<index>.<field>` (or `figures` for the list). */
  errors: FieldErrors;
  readOnly: boolean;
}

/** Key figures: typed (label, value, unit) or read live from the pole's projects and funding (measure and narrowing). */
export function FiguresEditor({ spaceId, value, onChange, errors, readOnly }: FiguresEditorProps) {
  const { t } = useTranslation();
  const projects = useProjects(spaceId);
  const set = (index: number, patch: Partial<FigureFormValue>) => onChange(value.map((f, i) => (i === index ? ({ ...f, ...patch } as FigureFormValue) : f)));
  const error = (index: number, field: string) => errors[`figures.${index}.${field}`] ?? errors[`figures.${index}.source.${field}`];
  const projectOptions = [{ value: '', label: t('guide.figures.allProjects') }, ...(projects.data ?? []).map((p) => ({ value: p.id, label: p.title }))];
  const levelOptions = [{ value: '', label: t('guide.figures.allLevels') }, ...vocabularyOptions(t, FunderLevel)];

  return (
    <fieldset className="choices guide-group">
      <legend className="choices__legend">{t('guide.figures.legend')}</legend>
      {errors.figures ? <FieldError id="figures-error" message={errors.figures} /> : null}
      {value.length === 0 ? <p className="empty">{t('guide.figures.none')}</p> : null}
      {value.map((figure, index) => (
        <fieldset className="guide-group__item" key={index} disabled={readOnly}>
          <legend>{t(figure.kind === 'typed' ? 'guide.figures.typed' : 'guide.figures.live', { n: index + 1 })}</legend>
          <div className="form__row">
            <TextField
              label={t('guide.figures.label')}
              value={figure.label}
              onChange={(e) => set(index, { label: e.target.value })}
              error={error(index, 'label')}
            />
            {figure.kind === 'typed' ? (
              <>
                <TextField
                  label={t('guide.figures.value')}
                  inputMode="decimal"
                  value={figure.value}
                  onChange={(e) => set(index, { value: e.target.value })}
                  error={error(index, 'value')}
                />
                <TextField
                  label={t('guide.figures.unit')}
                  hint={t('guide.optional')}
                  value={figure.unit}
                  onChange={(e) => set(index, { unit: e.target.value })}
                  error={error(index, 'unit')}
                />
              </>
            ) : (
              <SelectField
                label={t('guide.figures.measure')}
                options={vocabularyOptions(t, LiveMeasure)}
                value={figure.measure}
                onChange={(e) => set(index, { measure: e.target.value as LiveMeasure })}
                error={error(index, 'measure')}
              />
            )}
          </div>
          {figure.kind === 'live' ? (
            <div className="form__row">
              <SelectField
                label={t('guide.figures.project')}
                options={projectOptions}
                value={figure.projectId}
                onChange={(e) => set(index, { projectId: e.target.value })}
              />
              <SelectField
                label={t('guide.figures.funderLevel')}
                options={levelOptions}
                value={figure.funderLevel}
                onChange={(e) => set(index, { funderLevel: e.target.value as FunderLevel | '' })}
              />
              <TextField
                label={t('guide.figures.from')}
                hint={t('guide.optional')}
                inputMode="numeric"
                className="input input--short"
                value={figure.from}
                onChange={(e) => set(index, { from: e.target.value })}
                error={error(index, 'from')}
              />
              <TextField
                label={t('guide.figures.to')}
                hint={t('guide.optional')}
                inputMode="numeric"
                className="input input--short"
                value={figure.to}
                onChange={(e) => set(index, { to: e.target.value })}
                error={error(index, 'to')}
              />
            </div>
          ) : null}
          {readOnly ? null : (
            <Button variant="secondary" onClick={() => onChange(value.filter((_, i) => i !== index))}>
              {t('guide.figures.remove', { label: figure.label || index + 1 })}
            </Button>
          )}
        </fieldset>
      ))}
      {readOnly ? null : (
        <div className="actions">
          <Button variant="secondary" onClick={() => onChange([...value, { kind: 'typed', label: '', value: '', unit: '' }])}>
            {t('guide.figures.addTyped')}
          </Button>
          <Button
            variant="secondary"
            onClick={() => onChange([...value, { kind: 'live', label: '', measure: 'funding_total', projectId: '', funderLevel: '', from: '', to: '' }])}
          >
            {t('guide.figures.addLive')}
          </Button>
        </div>
      )}
    </fieldset>
  );
}
