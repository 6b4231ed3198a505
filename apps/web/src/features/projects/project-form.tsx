import { Lever, PolicyFrame, ProjectStage, ProjectStatus, UpdateProjectRequest, type ProjectDetail } from '@concerto/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { useProject, useUpdateProject } from './projects-api';
import { vocabularyOptions } from '../../ui/vocabulary-options';
import { ErrorAlert, StatusMessage } from '../../ui/alert';
import { Button } from '../../ui/button';
import { CheckboxGroup } from '../../ui/choice-group';
import { SelectField, TextAreaField, TextField } from '../../ui/field';
import { useFormFeedback, validate } from '../../ui/form-feedback';
import { PROJECT_FIELDS, projectChanges, toProjectFormValues, type ProjectFormValues } from './project-form-model';
import { PartnersEditor } from './partners-editor';

/** Edits the project's description; every save carries the version it started from. */
export function ProjectForm({ spaceId, project }: { spaceId: string; project: ProjectDetail }) {
  const { t } = useTranslation();
  const update = useUpdateProject(spaceId);
  const latest = useProject(spaceId, project.id);
  const [baseline, setBaseline] = useState(project);
  const [values, setValues] = useState(() => toProjectFormValues(project));
  const [saved, setSaved] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const { formRef, fieldErrors, formError, clear, showFieldErrors, showError } = useFormFeedback({
    fields: PROJECT_FIELDS,
    fieldFor: (path) => path.split('.')[0],
  });

  const { dirty, request } = projectChanges(values, toProjectFormValues(baseline), baseline.version);
  const changedElsewhere = project.version !== baseline.version;
  if (changedElsewhere && !dirty && !update.isPending) {
    // Someone else saved while this form was untouched: show their version.
    setBaseline(project);
    setValues(toProjectFormValues(project));
  }

  const adoptLatest = (fresh: ProjectDetail) => {
    setBaseline(fresh);
    setValues(toProjectFormValues(fresh));
    setConflict(false);
    clear();
  };

  const reload = () => {
    void latest.refetch().then((result) => {
      if (result.data) adoptLatest(result.data);
    });
  };

  const set =
    <K extends keyof ProjectFormValues>(key: K) =>
    (value: ProjectFormValues[K]) => {
      setValues((current) => ({ ...current, [key]: value }));
      setSaved(null);
    };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (update.isPending) return;
    clear();
    setSaved(null);
    setConflict(false);
    if (!dirty) return setSaved(t('projects.form.noChanges'));
    const checked = validate(t, UpdateProjectRequest, request, (path) => path.split('.')[0]);
    if (!checked.ok) return showFieldErrors(checked.errors);
    update.mutate(
      { projectId: project.id, body: checked.data },
      {
        onSuccess: (updated) => {
          setBaseline(updated);
          setValues(toProjectFormValues(updated));
          setSaved(t('projects.form.saved'));
        },
        onError: (error) => {
          if (isApiError(error, 409)) setConflict(true);
          showError(error);
        },
      },
    );
  };

  const partnerNames = new Map(project.partners.map((p) => [p.organisationId, p.name]));

  return (
    <form className="form project-form" ref={formRef} noValidate onSubmit={onSubmit}>
      {formError ? (
        <ErrorAlert>
          <p>{formError}</p>
          {conflict ? (
            <Button variant="secondary" onClick={reload} busy={latest.isFetching}>
              {t('projects.form.reload')}
            </Button>
          ) : null}
        </ErrorAlert>
      ) : null}
      {changedElsewhere && dirty && !conflict ? (
        <div className="alert alert--info">
          <p>{t('projects.form.changedElsewhere')}</p>
          <Button variant="secondary" onClick={() => adoptLatest(project)}>
            {t('projects.form.reload')}
          </Button>
        </div>
      ) : null}
      <TextField
        label={t('projects.fields.title')}
        name="title"
        required
        value={values.title}
        onChange={(e) => set('title')(e.target.value)}
        error={fieldErrors.title}
      />
      <TextAreaField
        label={t('projects.fields.summary')}
        hint={t('form.optional')}
        name="summary"
        value={values.summary}
        onChange={(e) => set('summary')(e.target.value)}
        error={fieldErrors.summary}
      />
      <div className="form__row">
        <SelectField
          label={t('projects.fields.stage')}
          name="stage"
          options={vocabularyOptions(t, ProjectStage)}
          value={values.stage}
          onChange={(e) => set('stage')(e.target.value as ProjectFormValues['stage'])}
          error={fieldErrors.stage}
        />
        <SelectField
          label={t('projects.fields.status')}
          name="status"
          options={vocabularyOptions(t, ProjectStatus)}
          value={values.status}
          onChange={(e) => set('status')(e.target.value as ProjectFormValues['status'])}
          error={fieldErrors.status}
        />
        <TextField
          label={t('projects.fields.startDate')}
          hint={t('form.optional')}
          name="startDate"
          type="date"
          value={values.startDate}
          onChange={(e) => set('startDate')(e.target.value)}
          error={fieldErrors.startDate}
        />
        <TextField
          label={t('projects.fields.endDate')}
          hint={t('form.optional')}
          name="endDate"
          type="date"
          value={values.endDate}
          onChange={(e) => set('endDate')(e.target.value)}
          error={fieldErrors.endDate}
        />
      </div>
      <CheckboxGroup
        legend={t('projects.fields.levers')}
        name="levers"
        options={vocabularyOptions(t, Lever)}
        value={values.levers}
        onChange={set('levers')}
        error={fieldErrors.levers}
      />
      <CheckboxGroup
        legend={t('projects.fields.policyFrames')}
        name="policyFrames"
        options={vocabularyOptions(t, PolicyFrame)}
        value={values.policyFrames}
        onChange={set('policyFrames')}
        error={fieldErrors.policyFrames}
      />
      <PartnersEditor value={values.partners} onChange={set('partners')} names={partnerNames} error={fieldErrors.partners} />
      <div className="form__actions form__actions--sticky">
        <Button type="submit" busy={update.isPending}>
          {t('projects.form.save')}
        </Button>
      </div>
      <StatusMessage>{saved}</StatusMessage>
    </form>
  );
}
