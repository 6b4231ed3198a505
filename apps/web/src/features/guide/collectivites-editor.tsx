import { SupportStage } from '@concerto/domain';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganisations } from '../../api/organisations';
import { Button } from '../../ui/button';
import { CheckboxGroup } from '../../ui/choice-group';
import { FieldError, SelectField } from '../../ui/field';
import { vocabularyOptions } from '../../ui/vocabulary-options';
import type { TestimonyFormValues } from './testimony-form-model';

type Collectivites = TestimonyFormValues['collectivites'];

/** The collectivités that acted (organisations of kind collectivité), each with the stages it contributed to. */
export function CollectivitesEditor({
  value,
  onChange,
  error,
  readOnly,
}: {
  value: Collectivites;
  onChange: (next: Collectivites) => void;
  error?: string;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const organisations = useOrganisations();
  const errorId = useId();
  const [picked, setPicked] = useState('');
  const taken = new Set(value.map((c) => c.organisationId));
  const available = (organisations.data ?? []).filter((o) => o.kind === 'collectivite' && !taken.has(o.id));
  const stageOptions = vocabularyOptions(t, SupportStage);

  const add = () => {
    const organisation = available.find((o) => o.id === picked);
    if (!organisation) return;
    onChange([...value, { organisationId: organisation.id, name: organisation.name, stages: [] }]);
    setPicked('');
  };

  return (
    <fieldset className={error ? 'choices choices--error guide-group' : 'choices guide-group'} aria-describedby={error ? errorId : undefined}>
      <legend className="choices__legend">{t('guide.collectivites.legend')}</legend>
      <p className="field__hint">{t('guide.collectivites.hint')}</p>
      {error ? <FieldError id={errorId} message={error} /> : null}
      {value.length === 0 ? <p className="empty">{t('guide.collectivites.none')}</p> : null}
      {value.map((collectivite, index) => (
        <div className="guide-group__item" key={collectivite.organisationId}>
          <CheckboxGroup
            legend={t('guide.collectivites.stagesOf', { name: collectivite.name })}
            name={`stages-${collectivite.organisationId}`}
            options={stageOptions}
            value={collectivite.stages}
            onChange={(stages) => !readOnly && onChange(value.map((c, i) => (i === index ? { ...c, stages } : c)))}
          />
          {readOnly ? null : (
            <Button variant="secondary" onClick={() => onChange(value.filter((_, i) => i !== index))}>
              {t('guide.collectivites.remove', { name: collectivite.name })}
            </Button>
          )}
        </div>
      ))}
      {readOnly ? null : available.length === 0 ? (
        <p className="muted">{t('guide.collectivites.noneAvailable')}</p>
      ) : (
        <div className="form__row guide-add">
          <SelectField
            label={t('guide.collectivites.pick')}
            options={[{ value: '', label: '—' }, ...available.map((o) => ({ value: o.id, label: o.territory ? `${o.name} (${o.territory})` : o.name }))]}
            value={picked}
            onChange={(e) => setPicked(e.target.value)}
          />
          <Button variant="secondary" onClick={add} disabled={!picked}>
            {t('guide.collectivites.add')}
          </Button>
        </div>
      )}
    </fieldset>
  );
}
