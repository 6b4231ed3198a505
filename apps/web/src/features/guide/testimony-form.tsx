import { Lever, UpdateTestimonyRequest, type TestimonyView } from '@concerto/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { ErrorAlert, StatusMessage } from '../../ui/alert';
import { Button } from '../../ui/button';
import { CheckboxGroup } from '../../ui/choice-group';
import { TextField } from '../../ui/field';
import { useFormFeedback, validate } from '../../ui/form-feedback';
import { vocabularyOptions } from '../../ui/vocabulary-options';
import { CollectivitesEditor } from './collectivites-editor';
import { FiguresEditor } from './figures-editor';
import { QuotesEditor } from './quotes-editor';
import { useTestimony, useUpdateTestimony } from './testimonies-api';
import { TESTIMONY_FIELDS, testimonyChanges, toTestimonyFormValues, type TestimonyFormValues } from './testimony-form-model';

interface TestimonyFormProps {
  spaceId: string;
  testimony: TestimonyView;
  poleTerritory: string;
  readOnly: boolean;
}

/** The testimony's fields; a save carries the version it started from, and a stale one (409) asks for a reload. */
export function TestimonyForm({ spaceId, testimony, poleTerritory, readOnly }: TestimonyFormProps) {
  const { t } = useTranslation();
  const update = useUpdateTestimony(spaceId, testimony.id);
  const latest = useTestimony(spaceId, testimony.id);
  const [baseline, setBaseline] = useState(testimony);
  const [values, setValues] = useState(() => toTestimonyFormValues(testimony));
  const [saved, setSaved] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const { formRef, fieldErrors, formError, clear, showFieldErrors, showError } = useFormFeedback({ fields: TESTIMONY_FIELDS });

  const { dirty, request } = testimonyChanges(values, toTestimonyFormValues(baseline), baseline.version);
  const changedElsewhere = testimony.version !== baseline.version;
  if (changedElsewhere && !dirty && !update.isPending) {
    // Someone else saved (or the status moved) while this form was untouched: show their version.
    setBaseline(testimony);
    setValues(toTestimonyFormValues(testimony));
  }

  const adopt = (fresh: TestimonyView) => {
    setBaseline(fresh);
    setValues(toTestimonyFormValues(fresh));
    setConflict(false);
    clear();
  };
  const reload = () => void latest.refetch().then((result) => result.data && adopt(result.data));
  const set =
    <K extends keyof TestimonyFormValues>(key: K) =>
    (value: TestimonyFormValues[K]) => {
      setValues((current) => ({ ...current, [key]: value }));
      setSaved(null);
    };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (update.isPending || readOnly) return;
    clear();
    setSaved(null);
    setConflict(false);
    if (!dirty) return setSaved(t('guide.noChanges'));
    const checked = validate(t, UpdateTestimonyRequest, request);
    if (!checked.ok) return showFieldErrors(checked.errors);
    update.mutate(checked.data, {
      onSuccess: (updated) => {
        adopt(updated);
        setSaved(t('guide.saved'));
      },
      onError: (error) => {
        if (isApiError(error, 409)) {
          setConflict(true);
          clear();
          return;
        }
        showError(error);
      },
    });
  };

  return (
    <form className="form guide-form" ref={formRef} noValidate onSubmit={submit} aria-labelledby="testimony-fields-title">
      <h2 id="testimony-fields-title">{t('guide.testimonies.fieldsTitle')}</h2>
      {formError ? <ErrorAlert>{formError}</ErrorAlert> : null}
      {conflict ? (
        <ErrorAlert>
          <p>{t('guide.conflict')}</p>
          <Button variant="secondary" onClick={reload} busy={latest.isFetching}>
            {t('guide.reload')}
          </Button>
        </ErrorAlert>
      ) : null}
      {changedElsewhere && dirty && !conflict ? (
        <div className="alert alert--info">
          <p>{t('guide.changedElsewhere')}</p>
          <Button variant="secondary" onClick={() => adopt(testimony)}>
            {t('guide.reload')}
          </Button>
        </div>
      ) : null}
      <fieldset className="guide-fieldset" disabled={readOnly}>
        <legend className="sr-only">{t('guide.testimonies.fieldsTitle')}</legend>
        <TextField
          label={t('guide.testimonies.fields.title')}
          required
          value={values.title}
          onChange={(e) => set('title')(e.target.value)}
          error={fieldErrors.title}
        />
        <TextField
          label={t('guide.testimonies.fields.territory')}
          hint={t('guide.testimonies.fields.territoryHint', { territory: poleTerritory || '—' })}
          value={values.territory}
          onChange={(e) => set('territory')(e.target.value)}
          error={fieldErrors.territory}
        />
        <CheckboxGroup
          legend={t('guide.testimonies.fields.levers')}
          name="levers"
          options={vocabularyOptions(t, Lever)}
          value={values.levers}
          onChange={set('levers')}
          error={fieldErrors.levers}
        />
      </fieldset>
      <CollectivitesEditor value={values.collectivites} onChange={set('collectivites')} error={firstError(fieldErrors, 'collectivites')} readOnly={readOnly} />
      <FiguresEditor spaceId={spaceId} value={values.figures} onChange={set('figures')} errors={fieldErrors} readOnly={readOnly} />
      <QuotesEditor value={values.quotes} onChange={set('quotes')} errors={fieldErrors} readOnly={readOnly} />
      <StatusMessage>{saved}</StatusMessage>
      {readOnly ? null : (
        <div className="form__actions form__actions--sticky">
          <Button type="submit" busy={update.isPending}>
            {t('guide.testimonies.save')}
          </Button>
        </div>
      )}
    </form>
  );
}

/** The first error under a list field (`collectivites.2.stages` shows on the list). */
function firstError(errors: Record<string, string>, field: string): string | undefined {
  return Object.entries(errors).find(([key]) => key === field || key.startsWith(`${field}.`))?.[1];
}
