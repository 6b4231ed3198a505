import { CreateProjectRequest, Lever, ProjectStage, ProjectStatus, type Lever as LeverKey } from '@concerto/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCreateProject } from './projects-api';
import { vocabularyOptions } from '../../ui/vocabulary-options';
import { ErrorAlert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { CheckboxGroup } from '../../ui/choice-group';
import { SelectField, TextAreaField, TextField } from '../../ui/field';
import { useFormFeedback, validate } from '../../ui/form-feedback';

const FIELDS = ['title', 'summary', 'stage', 'status', 'levers'] as const;

/** Creates a project (contributors and facilitators), then opens its page. */
export function NewProjectForm({ spaceId }: { spaceId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateProject(spaceId);
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [stage, setStage] = useState<ProjectStage>('emergence');
  const [status, setStatus] = useState<ProjectStatus>('under_study');
  const [levers, setLevers] = useState<LeverKey[]>([]);
  const { formRef, fieldErrors, formError, clear, showFieldErrors, showError } = useFormFeedback({ fields: FIELDS });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    clear();
    const checked = validate(t, CreateProjectRequest, { title, summary, stage, status, levers });
    if (!checked.ok) return showFieldErrors(checked.errors);
    create.mutate(checked.data, {
      onSuccess: (project) => void navigate(`/espaces/${spaceId}/projets/${project.id}`),
      onError: showError,
    });
  };

  return (
    <section className="section" aria-labelledby="new-project-title">
      <h3 id="new-project-title">{t('projects.create.title')}</h3>
      <form className="card form" ref={formRef} noValidate onSubmit={onSubmit}>
        <ErrorAlert>{formError}</ErrorAlert>
        <TextField
          label={t('projects.fields.title')}
          name="title"
          required
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          error={fieldErrors.title}
        />
        <TextAreaField
          label={t('projects.fields.summary')}
          hint={t('form.optional')}
          name="summary"
          value={summary}
          onChange={(e) => setSummary(e.target.value)}
          error={fieldErrors.summary}
        />
        <SelectField
          label={t('projects.fields.stage')}
          name="stage"
          options={vocabularyOptions(t, ProjectStage)}
          value={stage}
          onChange={(e) => setStage(e.target.value as ProjectStage)}
          error={fieldErrors.stage}
        />
        <SelectField
          label={t('projects.fields.status')}
          name="status"
          options={vocabularyOptions(t, ProjectStatus)}
          value={status}
          onChange={(e) => setStatus(e.target.value as ProjectStatus)}
          error={fieldErrors.status}
        />
        <CheckboxGroup
          legend={t('projects.fields.levers')}
          hint={t('form.optional')}
          name="levers"
          options={vocabularyOptions(t, Lever)}
          value={levers}
          onChange={setLevers}
          error={fieldErrors.levers}
        />
        <div className="form__actions">
          <Button type="submit" busy={create.isPending}>
            {t('projects.create.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
