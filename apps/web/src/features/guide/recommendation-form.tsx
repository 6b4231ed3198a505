import {
  CreateRecommendationRequest,
  FunderLevel,
  Lever,
  SupportStage,
  UpdateRecommendationRequest,
  type DiagnosticOutlineEntry,
  type RecommendationView,
} from '@concerto/domain';
import type { TFunction } from 'i18next';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { ErrorAlert, StatusMessage } from '../../ui/alert';
import { Button } from '../../ui/button';
import { CheckboxGroup } from '../../ui/choice-group';
import { TextAreaField, TextField, type Option } from '../../ui/field';
import { useFormFeedback, validate } from '../../ui/form-feedback';
import { vocabularyOptions } from '../../ui/vocabulary-options';
import { DIRECT_ORIGIN, RecommendationOriginField, originInput } from './recommendation-origin-field';
import { useCreateRecommendation, useRecommendationOrigins, useUpdateRecommendation } from './recommendations-api';
import { useDiagnosticOutline } from '../diagnostic/diagnostic-api';
import { useTestimonies } from './testimonies-api';

interface RecommendationValues {
  statement: string;
  rationale: string;
  levers: Lever[];
  stages: SupportStage[];
  levels: FunderLevel[];
  testimonyIds: string[];
  sectionIds: string[];
}

const FIELDS = ['statement', 'rationale', 'levers', 'stages', 'levels', 'testimonyIds', 'sectionIds'] as const;
/** `sectionIds.2` → `sectionIds`, `origin.decisionId` → `origin`: errors go next to their field. */
const fieldFor = (path: string) => path.split('.')[0];
const EMPTY: RecommendationValues = { statement: '', rationale: '', levers: [], stages: [], levels: [], testimonyIds: [], sectionIds: [] };

const valuesOf = (r: RecommendationView): RecommendationValues => ({
  statement: r.statement,
  rationale: r.rationale,
  levers: [...r.levers],
  stages: [...r.stages],
  levels: [...r.levels],
  testimonyIds: r.testimonies.map((t) => t.id),
  sectionIds: [...r.sectionIds],
});

interface RecommendationFormProps {
  spaceId: string;
  /** The recommendation to edit; a new one otherwise. */
  recommendation?: RecommendationView;
  onCreated?: (created: RecommendationView) => void;
}

/** Creates a recommendation, or edits one from the version it started from (a stale one is refused: reload). */
export function RecommendationForm({ spaceId, recommendation, onCreated }: RecommendationFormProps) {
  const { t } = useTranslation();
  const create = useCreateRecommendation(spaceId);
  const update = useUpdateRecommendation(spaceId, recommendation?.id ?? '');
  const testimonies = useTestimonies(spaceId);
  const outline = useDiagnosticOutline(spaceId);
  // A new recommendation says where it comes from; an existing one keeps its origin.
  const origins = useRecommendationOrigins(spaceId, !recommendation);
  const [origin, setOrigin] = useState(DIRECT_ORIGIN);
  const [baseline, setBaseline] = useState(recommendation);
  const [values, setValues] = useState(() => (recommendation ? valuesOf(recommendation) : EMPTY));
  const [saved, setSaved] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const { formRef, fieldErrors, formError, clear, showFieldErrors, showError } = useFormFeedback({ fields: [...FIELDS, 'origin'], fieldFor });
  const pending = create.isPending || update.isPending;
  const set =
    <K extends keyof RecommendationValues>(key: K) =>
    (value: RecommendationValues[K]) => {
      setValues((current) => ({ ...current, [key]: value }));
      setSaved(null);
    };
  const adopt = (fresh: RecommendationView) => {
    setBaseline(fresh);
    setValues(valuesOf(fresh));
    setConflict(false);
    clear();
  };

  const submitCreate = () => {
    const checked = validate(t, CreateRecommendationRequest, { ...values, origin: originInput(origin) }, fieldFor);
    if (!checked.ok) return showFieldErrors(checked.errors);
    create.mutate(checked.data, {
      onSuccess: (created) => {
        setValues(EMPTY);
        setOrigin(DIRECT_ORIGIN);
        onCreated?.(created);
      },
      onError: showError,
    });
  };

  const submitUpdate = (current: RecommendationView) => {
    const before = valuesOf(current);
    const changes = Object.fromEntries(FIELDS.filter((key) => JSON.stringify(values[key]) !== JSON.stringify(before[key])).map((key) => [key, values[key]]));
    if (Object.keys(changes).length === 0) return setSaved(t('guide.noChanges'));
    const checked = validate(t, UpdateRecommendationRequest, { ...changes, version: current.version }, fieldFor);
    if (!checked.ok) return showFieldErrors(checked.errors);
    update.mutate(checked.data, {
      onSuccess: (updated) => {
        adopt(updated);
        setSaved(t('guide.saved'));
      },
      onError: (error) => (isApiError(error, 409) ? setConflict(true) : showError(error)),
    });
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    clear();
    setSaved(null);
    setConflict(false);
    if (baseline) submitUpdate(baseline);
    else submitCreate();
  };

  const titleId = recommendation ? 'edit-recommendation-title' : 'new-recommendation-title';
  return (
    <form className="form card guide-form" ref={formRef} noValidate onSubmit={submit} aria-labelledby={titleId}>
      <h3 id={titleId}>{recommendation ? t('guide.recommendations.edit') : t('guide.recommendations.create.title')}</h3>
      {formError ? <ErrorAlert>{formError}</ErrorAlert> : null}
      {conflict && recommendation ? (
        <ErrorAlert>
          <p>{t('guide.conflict')}</p>
          <Button variant="secondary" onClick={() => adopt(recommendation)}>
            {t('guide.reload')}
          </Button>
        </ErrorAlert>
      ) : null}
      <TextField
        label={t('guide.recommendations.fields.statement')}
        hint={t('guide.recommendations.fields.statementHint')}
        required
        value={values.statement}
        onChange={(e) => set('statement')(e.target.value)}
        error={fieldErrors.statement}
      />
      <TextAreaField
        label={t('guide.recommendations.fields.rationale')}
        hint={t('guide.optional')}
        value={values.rationale}
        onChange={(e) => set('rationale')(e.target.value)}
        error={fieldErrors.rationale}
      />
      <CheckboxGroup
        legend={t('guide.recommendations.fields.levers')}
        name="levers"
        options={vocabularyOptions(t, Lever)}
        value={values.levers}
        onChange={set('levers')}
      />
      <CheckboxGroup
        legend={t('guide.recommendations.fields.stages')}
        name="stages"
        options={vocabularyOptions(t, SupportStage)}
        value={values.stages}
        onChange={set('stages')}
      />
      <CheckboxGroup
        legend={t('guide.recommendations.fields.levels')}
        name="levels"
        options={vocabularyOptions(t, FunderLevel)}
        value={values.levels}
        onChange={set('levels')}
      />
      {testimonies.data && testimonies.data.length > 0 ? (
        <CheckboxGroup
          legend={t('guide.recommendations.fields.testimonies')}
          name="testimonyIds"
          options={testimonies.data.map((testimony) => ({ value: testimony.id, label: testimony.title }))}
          value={values.testimonyIds}
          onChange={set('testimonyIds')}
          error={fieldErrors.testimonyIds}
        />
      ) : (
        <p className="muted">{t('guide.recommendations.fields.noTestimonies')}</p>
      )}
      {outline.data ? (
        <SectionChoices
          options={sectionOptions(t, outline.data, recommendation?.sections ?? [])}
          value={values.sectionIds}
          onChange={set('sectionIds')}
          error={fieldErrors.sectionIds}
        />
      ) : null}
      {recommendation ? null : (
        <RecommendationOriginField
          value={origin}
          onChange={(next) => {
            setOrigin(next);
            setSaved(null);
          }}
          choices={origins.data}
          sections={outline.data}
          error={fieldErrors.origin}
        />
      )}
      <StatusMessage>{saved}</StatusMessage>
      <div className="form__actions">
        <Button type="submit" busy={pending}>
          {recommendation ? t('guide.recommendations.save') : t('guide.recommendations.create.submit')}
        </Button>
      </div>
    </form>
  );
}

/**
 * The diagnostic's sections to choose from, in its order; a section linked before and since removed from the
 * diagnostic stays listed (ticked) so that it can be unticked.
 */
function sectionOptions(t: TFunction, outline: readonly DiagnosticOutlineEntry[], linked: RecommendationView['sections']): Option[] {
  const present = new Set(outline.map((s) => s.id));
  return [
    ...outline.map((s) => ({ value: s.id, label: s.title })),
    ...linked.filter((s) => !present.has(s.id)).map((s) => ({ value: s.id, label: s.title ?? t('guide.recommendations.fields.sectionRemoved', { id: s.id }) })),
  ];
}

interface SectionChoicesProps {
  options: Option[];
  value: string[];
  onChange: (value: string[]) => void;
  error?: string;
}

function SectionChoices({ options, value, onChange, error }: SectionChoicesProps) {
  const { t } = useTranslation();
  if (options.length === 0) return <p className="muted">{t('guide.recommendations.fields.noSections')}</p>;
  return (
    <CheckboxGroup legend={t('guide.recommendations.fields.sections')} name="sectionIds" options={options} value={value} onChange={onChange} error={error} />
  );
}
