import { CreateMilestoneRequest, type ProjectDetail } from '@concerto/domain';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateMilestone, useDeleteMilestone, useUpdateMilestone } from './projects-api';
import { ErrorAlert, StatusMessage } from '../../ui/alert';
import { Button } from '../../ui/button';
import { TextField } from '../../ui/field';
import { errorMessage, useFormFeedback, validate } from '../../ui/form-feedback';
import { formatDate } from '../../ui/format';
import { useActionFeedback, useConfirmedMutation } from '../../ui/use-confirmed-mutation';
import { ProgressBar } from './progress-bar';

const FIELDS = ['title', 'dueDate'] as const;

/** Milestones: ticking them off rolls up into the project's progress. */
export function MilestonesSection({ spaceId, project, canEdit }: { spaceId: string; project: ProjectDetail; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const create = useCreateMilestone(spaceId, project.id);
  const update = useUpdateMilestone(spaceId, project.id);
  const feedback = useActionFeedback();
  const remove = useConfirmedMutation(useDeleteMilestone(spaceId, project.id), feedback);
  const [title, setTitle] = useState('');
  const [dueDate, setDueDate] = useState('');
  const { formRef, fieldErrors, formError, clear, showFieldErrors, showError } = useFormFeedback({ fields: FIELDS });
  const milestones = [...project.milestones].sort((a, b) => a.position - b.position);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    clear();
    feedback.clear();
    const checked = validate(t, CreateMilestoneRequest, { title, dueDate: dueDate || null });
    if (!checked.ok) return showFieldErrors(checked.errors);
    create.mutate(checked.data, {
      onSuccess: (milestone) => {
        setTitle('');
        setDueDate('');
        feedback.succeed(t('projects.milestones.added', { title: milestone.title }));
      },
      onError: showError,
    });
  };

  const onFailure = (error: unknown) => feedback.fail(errorMessage(t, error));

  return (
    <section className="section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('projects.milestones.title')}</h2>
      <ProgressBar progress={project.progress} done={project.milestonesDone} total={project.milestoneCount} />
      <ErrorAlert>{feedback.error}</ErrorAlert>
      <StatusMessage>{feedback.status}</StatusMessage>
      {milestones.length === 0 ? <p className="empty">{t('projects.milestones.empty')}</p> : null}
      <ul className="milestone-list">
        {milestones.map((milestone) => (
          <li key={milestone.id} className="milestone-list__item" id={`jalon-${milestone.id}`}>
            <label className="choice">
              <input
                type="checkbox"
                checked={milestone.done}
                disabled={!canEdit}
                onChange={(e) => {
                  feedback.clear();
                  update.mutate({ milestoneId: milestone.id, body: { done: e.target.checked } }, { onError: onFailure });
                }}
              />
              <span id={`${id}-${milestone.id}`}>
                {milestone.title}
                {milestone.dueDate ? (
                  <span className="muted"> — {t('projects.milestones.due', { date: formatDate(milestone.dueDate, i18n.language) })}</span>
                ) : null}
              </span>
            </label>
            {canEdit ? (
              <Button
                variant="secondary"
                aria-describedby={`${id}-${milestone.id}`}
                onClick={() =>
                  remove(milestone.id, {
                    question: t('projects.milestones.confirmDelete', { title: milestone.title }),
                    success: t('projects.milestones.deleted', { title: milestone.title }),
                  })
                }
              >
                {t('projects.milestones.delete')}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {canEdit ? (
        <form className="card form form--inline" ref={formRef} noValidate onSubmit={onSubmit} aria-labelledby={`${id}-add`}>
          <h3 id={`${id}-add`}>{t('projects.milestones.add')}</h3>
          <ErrorAlert>{formError}</ErrorAlert>
          <TextField label={t('projects.milestones.name')} name="title" value={title} onChange={(e) => setTitle(e.target.value)} error={fieldErrors.title} />
          <TextField
            label={t('projects.milestones.dueDate')}
            hint={t('form.optional')}
            name="dueDate"
            type="date"
            value={dueDate}
            onChange={(e) => setDueDate(e.target.value)}
            error={fieldErrors.dueDate}
          />
          <div className="form__actions">
            <Button type="submit" busy={create.isPending}>
              {t('projects.milestones.submit')}
            </Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
