import { AnalysisScopeKind, CreateAnalysisRequest, Lever, SupportStage, UpdateAnalysisRequest, type AnalysisScope, type AnalysisView } from '@concerto/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, StatusMessage } from '../../ui/alert';
import { Button } from '../../ui/button';
import { RadioGroup } from '../../ui/choice-group';
import { SelectField, TextField } from '../../ui/field';
import { useFormFeedback, validate } from '../../ui/form-feedback';
import { vocabularyOptions } from '../../ui/vocabulary-options';
import { useCreateAnalysis, useUpdateAnalysis } from './analyses-api';

interface AnalysisValues {
  title: string;
  kind: AnalysisScopeKind;
  stage: SupportStage;
  lever: Lever;
}

const valuesOf = (analysis: AnalysisView | undefined): AnalysisValues => ({
  title: analysis?.title ?? '',
  kind: analysis?.scope.kind ?? 'stage',
  stage: analysis?.scope.kind === 'stage' ? analysis.scope.stage : SupportStage.keys[0],
  lever: analysis?.scope.kind === 'lever' ? analysis.scope.lever : Lever.keys[0],
});

const scopeOf = ({ kind, stage, lever }: AnalysisValues): AnalysisScope => (kind === 'stage' ? { kind, stage } : kind === 'lever' ? { kind, lever } : { kind });

const fieldOf = (path: string) => path.split('.')[0];

interface AnalysisFormProps {
  spaceId: string;
  /** The chapter whose title and subject to change; a new chapter otherwise. */
  analysis?: AnalysisView;
  onCreated?: (created: AnalysisView) => void;
}

/** Creates an analysis chapter, or changes the title and subject of one (its text is co-edited on its page). */
export function AnalysisForm({ spaceId, analysis, onCreated }: AnalysisFormProps) {
  const { t } = useTranslation();
  const create = useCreateAnalysis(spaceId);
  const update = useUpdateAnalysis(spaceId);
  const [values, setValues] = useState(() => valuesOf(analysis));
  const [saved, setSaved] = useState<string | null>(null);
  const { formRef, fieldErrors, formError, clear, showFieldErrors, showError } = useFormFeedback({ fields: ['title', 'scope'], fieldFor: fieldOf });
  const pending = create.isPending || update.isPending;
  const set =
    <K extends keyof AnalysisValues>(key: K) =>
    (value: AnalysisValues[K]) => {
      setValues((current) => ({ ...current, [key]: value }));
      setSaved(null);
    };

  const submitCreate = () => {
    const checked = validate(t, CreateAnalysisRequest, { title: values.title, scope: scopeOf(values) }, fieldOf);
    if (!checked.ok) return showFieldErrors(checked.errors);
    create.mutate(checked.data, { onSuccess: (created) => onCreated?.(created), onError: showError });
  };

  const submitUpdate = (current: AnalysisView) => {
    const scope = scopeOf(values);
    const changes = {
      ...(values.title !== current.title ? { title: values.title } : {}),
      ...(JSON.stringify(scope) !== JSON.stringify(current.scope) ? { scope } : {}),
    };
    if (Object.keys(changes).length === 0) return setSaved(t('guide.noChanges'));
    const checked = validate(t, UpdateAnalysisRequest, changes, fieldOf);
    if (!checked.ok) return showFieldErrors(checked.errors);
    update.mutate({ analysisId: current.id, body: checked.data }, { onSuccess: () => setSaved(t('guide.saved')), onError: showError });
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    clear();
    setSaved(null);
    if (analysis) submitUpdate(analysis);
    else submitCreate();
  };

  const titleId = analysis ? 'edit-analysis-title' : 'new-analysis-title';
  return (
    <form className={analysis ? 'form card guide-form' : 'form card guide-create'} ref={formRef} noValidate onSubmit={submit} aria-labelledby={titleId}>
      <h3 id={titleId}>{analysis ? t('guide.analyses.edit.title') : t('guide.analyses.create.title')}</h3>
      {formError ? <ErrorAlert>{formError}</ErrorAlert> : null}
      <TextField
        label={t('guide.analyses.fields.title')}
        required
        value={values.title}
        onChange={(e) => set('title')(e.target.value)}
        error={fieldErrors.title}
      />
      <RadioGroup
        legend={t('guide.analyses.fields.scope')}
        name={analysis ? 'edit-scope' : 'scope'}
        options={vocabularyOptions(t, AnalysisScopeKind)}
        value={values.kind}
        onChange={set('kind')}
        error={fieldErrors.scope}
      />
      {values.kind === 'stage' ? (
        <SelectField
          label={t('guide.analyses.fields.stage')}
          options={vocabularyOptions(t, SupportStage)}
          value={values.stage}
          onChange={(e) => set('stage')(e.target.value as SupportStage)}
        />
      ) : null}
      {values.kind === 'lever' ? (
        <SelectField
          label={t('guide.analyses.fields.lever')}
          options={vocabularyOptions(t, Lever)}
          value={values.lever}
          onChange={(e) => set('lever')(e.target.value as Lever)}
        />
      ) : null}
      <StatusMessage>{saved}</StatusMessage>
      <div className="form__actions">
        <Button type="submit" busy={pending}>
          {analysis ? t('guide.analyses.edit.submit') : t('guide.analyses.create.submit')}
        </Button>
      </div>
    </form>
  );
}
