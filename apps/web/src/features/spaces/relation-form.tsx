import { CreateRelationRequest, RelationEvolution } from '@concerto/domain';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCollectivites, useCreateRelation } from './relations-api';
import { vocabularyOptions } from '../../ui/vocabulary-options';
import { ErrorAlert, StatusMessage } from '../../ui/alert';
import { Button } from '../../ui/button';
import { RadioGroup } from '../../ui/choice-group';
import { SelectField, TextField } from '../../ui/field';
import { useFormFeedback, validate } from '../../ui/form-feedback';

const FIELDS = ['organisationId', 'year', 'evolution', 'cause'] as const;

/** Records a year of a collectivité's relation with the pole; a weakening needs its cause. */
export function RelationForm({ spaceId }: { spaceId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const collectivites = useCollectivites();
  const create = useCreateRelation(spaceId);
  const [organisationId, setOrganisationId] = useState('');
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [evolution, setEvolution] = useState<RelationEvolution>('stable');
  const [cause, setCause] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const { formRef, fieldErrors, formError, clear, showFieldErrors, showError } = useFormFeedback({ fields: FIELDS });
  const options = [...(collectivites.data ?? [])].sort((a, b) => a.name.localeCompare(b.name));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    clear();
    setDone(null);
    const checked = validate(t, CreateRelationRequest, {
      organisationId: organisationId || undefined,
      year: year.trim() === '' ? undefined : Number(year),
      evolution,
      cause: evolution === 'weakening' ? cause : '',
    });
    if (!checked.ok) {
      if (checked.errors.cause) checked.errors.cause = t('relations.causeRequired');
      return showFieldErrors(checked.errors);
    }
    create.mutate(checked.data, {
      onSuccess: (relation) => {
        setCause('');
        setDone(t('relations.added', { name: relation.organisation.name, year: relation.year }));
      },
      onError: showError,
    });
  };

  return (
    <form className="card form" ref={formRef} noValidate onSubmit={onSubmit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('relations.add')}</h3>
      <ErrorAlert>{formError}</ErrorAlert>
      <SelectField
        label={t('relations.collectivite')}
        name="organisationId"
        options={[
          { value: '', label: t('relations.choose') },
          ...options.map((org) => ({
            value: org.id,
            label: org.collectiviteLevel ? `${org.name} (${t(`vocab.collectiviteLevel.${org.collectiviteLevel}`)})` : org.name,
          })),
        ]}
        value={organisationId}
        onChange={(e) => setOrganisationId(e.target.value)}
        error={fieldErrors.organisationId}
      />
      <TextField
        label={t('relations.year')}
        name="year"
        type="number"
        inputMode="numeric"
        step={1}
        value={year}
        onChange={(e) => setYear(e.target.value)}
        error={fieldErrors.year}
        className="input input--short"
      />
      <RadioGroup
        legend={t('relations.evolution')}
        name="evolution"
        options={vocabularyOptions(t, RelationEvolution)}
        value={evolution}
        onChange={setEvolution}
        error={fieldErrors.evolution}
      />
      {evolution === 'weakening' ? (
        <TextField
          label={t('relations.cause')}
          hint={t('relations.causeHint')}
          name="cause"
          required
          value={cause}
          onChange={(e) => setCause(e.target.value)}
          error={fieldErrors.cause}
        />
      ) : null}
      <div className="form__actions">
        <Button type="submit" busy={create.isPending}>
          {t('relations.submit')}
        </Button>
      </div>
      <StatusMessage>{done}</StatusMessage>
    </form>
  );
}
