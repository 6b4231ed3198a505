import {
  ActivityNature,
  CollectiviteLevel,
  CollectiviteService,
  DEPARTEMENTS,
  Implantation,
  LegalForm,
  Perimeter,
  PoleStage,
  REGIONS,
  Sector,
  StructureKind,
  UpdatePoleProfileRequest,
  type PoleView,
  type Vocabulary,
  compareFrench,
  regionOfDepartement,
} from '@concerto/domain';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useUpdatePole } from './spaces-api';
import { vocabularyOptions } from '../../ui/vocabulary-options';
import { ErrorAlert, StatusMessage } from '../../ui/alert';
import { Button } from '../../ui/button';
import { CheckboxGroup } from '../../ui/choice-group';
import { SelectField, TextAreaField, TextField } from '../../ui/field';
import { useFormFeedback, validate } from '../../ui/form-feedback';
import { POLE_FIELDS, changedFields, isEuroFigure, toFormValues, unreadableFigures, type PoleFormValues } from './pole-form-model';
import { PoleKeyFiguresFields } from './pole-key-figures-fields';

const REGION_OPTIONS = [...REGIONS].sort((a, b) => compareFrench(a.name, b.name)).map((r) => ({ value: r.code, label: r.name }));

function Entry({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="entry">
      <legend className="entry__legend">{legend}</legend>
      <div className="entry__body">{children}</div>
    </fieldset>
  );
}

/** The characterisation grid of the pole, editable by contributors and facilitators. */
export function PoleProfileForm({ spaceId, pole }: { spaceId: string; pole: PoleView }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const updatePole = useUpdatePole(spaceId);
  const [baseline, setBaseline] = useState(pole);
  const [values, setValues] = useState(() => toFormValues(pole, language));
  const [saved, setSaved] = useState<string | null>(null);
  const { formRef, fieldErrors, formError, clear, showFieldErrors, showError } = useFormFeedback({ fields: POLE_FIELDS });

  const changes = changedFields(values, toFormValues(baseline, language));
  const dirty = Object.keys(changes).length > 0;
  const changedElsewhere = pole.updatedAt !== baseline.updatedAt;
  if (changedElsewhere && !dirty && !updatePole.isPending) {
    // Someone else saved while this form was untouched: show their version (state adjusted during render).
    setBaseline(pole);
    setValues(toFormValues(pole, language));
  }

  const set =
    <K extends keyof PoleFormValues>(key: K) =>
    (value: PoleFormValues[K]) => {
      setValues((current) => ({ ...current, [key]: value }));
      setSaved(null);
    };

  const choiceOptions = <K extends string>(vocabulary: Vocabulary<K>) => [{ value: '', label: t('pole.notSpecified') }, ...vocabularyOptions(t, vocabulary)];

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (updatePole.isPending) return;
    clear();
    setSaved(null);
    if (!dirty) return setSaved(t('pole.noChanges'));
    const unreadable = unreadableFigures(values);
    if (unreadable.length > 0) {
      return showFieldErrors(
        Object.fromEntries(unreadable.map((field) => [field, isEuroFigure(field) ? t('funding.amountInvalid') : t('pole.keyFigures.notANumber')])),
      );
    }
    const checked = validate(t, UpdatePoleProfileRequest, changes);
    if (!checked.ok) return showFieldErrors(checked.errors);
    updatePole.mutate(checked.data, {
      onSuccess: (updated) => {
        setBaseline(updated);
        setValues(toFormValues(updated, language));
        setSaved(t('pole.saved'));
      },
      onError: showError,
    });
  };

  return (
    <form className="form pole-form" ref={formRef} noValidate onSubmit={onSubmit}>
      <ErrorAlert>{formError}</ErrorAlert>
      {changedElsewhere && dirty ? (
        <div className="alert alert--info">
          <p>{t('pole.changedElsewhere')}</p>
          <Button
            variant="secondary"
            onClick={() => {
              setBaseline(pole);
              setValues(toFormValues(pole, language));
              clear();
            }}
          >
            {t('pole.reload')}
          </Button>
        </div>
      ) : null}

      <Entry legend={t('pole.identity')}>
        <TextField label={t('pole.name')} name="name" required value={values.name} onChange={(e) => set('name')(e.target.value)} error={fieldErrors.name} />
        <TextAreaField
          label={t('pole.description')}
          hint={t('form.optional')}
          name="description"
          value={values.description}
          onChange={(e) => set('description')(e.target.value)}
          error={fieldErrors.description}
        />
      </Entry>

      <Entry legend={t('pole.collectivites')}>
        <CheckboxGroup
          legend={t('pole.collectiviteLevels')}
          name="collectiviteLevels"
          options={vocabularyOptions(t, CollectiviteLevel)}
          value={values.collectiviteLevels}
          onChange={set('collectiviteLevels')}
          error={fieldErrors.collectiviteLevels}
        />
        <CheckboxGroup
          legend={t('pole.collectiviteServices')}
          name="collectiviteServices"
          options={vocabularyOptions(t, CollectiviteService)}
          value={values.collectiviteServices}
          onChange={set('collectiviteServices')}
          error={fieldErrors.collectiviteServices}
        />
      </Entry>

      <Entry legend={t('pole.structure')}>
        <SelectField
          label={t('pole.legalForm')}
          name="legalForm"
          options={choiceOptions(LegalForm)}
          value={values.legalForm}
          onChange={(e) => set('legalForm')(e.target.value as PoleFormValues['legalForm'])}
          error={fieldErrors.legalForm}
        />
        <SelectField
          label={t('pole.stage')}
          name="stage"
          options={choiceOptions(PoleStage)}
          value={values.stage}
          onChange={(e) => set('stage')(e.target.value as PoleFormValues['stage'])}
          error={fieldErrors.stage}
        />
      </Entry>

      <Entry legend={t('pole.territoryEntry')}>
        <SelectField
          label={t('pole.perimeter')}
          name="perimeter"
          options={choiceOptions(Perimeter)}
          value={values.perimeter}
          onChange={(e) => set('perimeter')(e.target.value as PoleFormValues['perimeter'])}
          error={fieldErrors.perimeter}
        />
        <SelectField
          label={t('pole.implantation')}
          name="implantation"
          options={choiceOptions(Implantation)}
          value={values.implantation}
          onChange={(e) => set('implantation')(e.target.value as PoleFormValues['implantation'])}
          error={fieldErrors.implantation}
        />
        <TextField
          label={t('pole.territory')}
          hint={t('form.optional')}
          name="territory"
          value={values.territory}
          onChange={(e) => set('territory')(e.target.value)}
          error={fieldErrors.territory}
        />
        <SelectField
          label={t('pole.regionCode')}
          hint={t('pole.locationHint')}
          name="regionCode"
          options={[{ value: '', label: t('pole.notSpecified') }, ...REGION_OPTIONS]}
          value={values.regionCode}
          onChange={(e) => {
            const region = e.target.value as PoleFormValues['regionCode'];
            set('regionCode')(region);
            if (values.departementCode && regionOfDepartement(values.departementCode) !== region) set('departementCode')('');
          }}
          error={fieldErrors.regionCode}
        />
        <SelectField
          label={t('pole.departementCode')}
          name="departementCode"
          options={[
            { value: '', label: t('pole.notSpecified') },
            ...DEPARTEMENTS.filter((d) => !values.regionCode || d.region === values.regionCode).map((d) => ({ value: d.code, label: `${d.code} — ${d.name}` })),
          ]}
          value={values.departementCode}
          onChange={(e) => {
            const departement = e.target.value as PoleFormValues['departementCode'];
            set('departementCode')(departement);
            if (departement) set('regionCode')(regionOfDepartement(departement));
          }}
          error={fieldErrors.departementCode}
        />
      </Entry>

      <Entry legend={t('pole.cooperation')}>
        <TextField
          label={t('pole.memberStructureCount')}
          hint={t('form.optional')}
          name="memberStructureCount"
          type="number"
          inputMode="numeric"
          min={0}
          step={1}
          value={values.memberStructureCount}
          onChange={(e) => set('memberStructureCount')(e.target.value)}
          error={fieldErrors.memberStructureCount}
          className="input input--short"
        />
        <CheckboxGroup
          legend={t('pole.structureKinds')}
          name="structureKinds"
          options={vocabularyOptions(t, StructureKind)}
          value={values.structureKinds}
          onChange={set('structureKinds')}
          error={fieldErrors.structureKinds}
        />
      </Entry>

      <Entry legend={t('pole.economy')}>
        <CheckboxGroup
          legend={t('pole.sectors')}
          name="sectors"
          options={vocabularyOptions(t, Sector)}
          value={values.sectors}
          onChange={set('sectors')}
          error={fieldErrors.sectors}
        />
        <CheckboxGroup
          legend={t('pole.activityNatures')}
          name="activityNatures"
          options={vocabularyOptions(t, ActivityNature)}
          value={values.activityNatures}
          onChange={set('activityNatures')}
          error={fieldErrors.activityNatures}
        />
      </Entry>

      <Entry legend={t('pole.keyFigures.title')}>
        <PoleKeyFiguresFields values={values} onChange={(field, value) => set(field)(value)} errors={fieldErrors} />
      </Entry>

      <div className="form__actions form__actions--sticky">
        <Button type="submit" busy={updatePole.isPending}>
          {t('pole.save')}
        </Button>
      </div>
      <StatusMessage>{saved}</StatusMessage>
    </form>
  );
}
