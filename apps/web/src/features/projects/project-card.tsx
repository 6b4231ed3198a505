import { ProjectStage, type ProjectSummary } from '@concerto/domain';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../api/client';
import { useUpdateProject } from './projects-api';
import { vocabularyOptions } from '../../ui/vocabulary-options';
import { ErrorAlert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { errorMessage } from '../../ui/form-feedback';
import { formatDate, formatEuros, formatNumber } from '../../ui/format';
import { ProgressBar } from './progress-bar';

/** One project on the board: what it is, where it stands (money secured, latest value of each indicator), and (for editors) a stage selector. */
export function ProjectCard({
  spaceId,
  project,
  canEdit,
  focusOnMount,
  onMoved,
}: {
  spaceId: string;
  project: ProjectSummary;
  canEdit: boolean;
  focusOnMount: boolean;
  onMoved: (message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const selectRef = useRef<HTMLSelectElement>(null);
  const update = useUpdateProject(spaceId);
  const [error, setError] = useState<unknown>(null);
  const secured = project.funding.securedCents + project.funding.paidCents;

  useEffect(() => {
    // The card moved to another column after its stage changed: keep the keyboard where it was.
    if (focusOnMount) selectRef.current?.focus();
  }, [focusOnMount]);

  const changeStage = (stage: ProjectStage) => {
    setError(null);
    update.mutate(
      { projectId: project.id, body: { version: project.version, stage } },
      {
        onSuccess: () => onMoved(t('projects.card.moved', { title: project.title, stage: t(`vocab.projectStage.${stage}`) })),
        onError: setError,
      },
    );
  };

  return (
    <article className="project-card" aria-labelledby={titleId}>
      <h4 className="project-card__title" id={titleId}>
        <Link to={`/espaces/${spaceId}/projets/${project.id}`}>{project.title}</Link>
      </h4>
      <p className="project-card__badges">
        <span className={`status status--project-${project.status}`}>{t(`vocab.projectStatus.${project.status}`)}</span>{' '}
        <span className="status status--stage">{t(`vocab.projectStage.${project.stage}`)}</span>
      </p>
      <dl className="project-card__facts">
        <div>
          <dt>{t('projects.card.levers')}</dt>
          <dd>{t('projects.card.leverCount', { count: project.levers.length })}</dd>
        </div>
        <div>
          <dt>{t('projects.card.secured')}</dt>
          <dd>{formatEuros(secured, i18n.language)}</dd>
        </div>
        {project.latestIndicators.map((indicator) => (
          <div key={`${indicator.kind}:${indicator.label}`}>
            <dt>{indicator.kind === 'custom' ? indicator.label : t(`vocab.indicatorKind.${indicator.kind}`)}</dt>
            <dd>
              {formatNumber(indicator.value, i18n.language)}
              {indicator.unit ? ` ${indicator.unit}` : ''}{' '}
              <span className="project-card__date">{t('projects.card.latestOn', { date: formatDate(indicator.measuredOn, i18n.language) })}</span>
            </dd>
          </div>
        ))}
      </dl>
      <ProgressBar progress={project.progress} done={project.milestonesDone} total={project.milestoneCount} />
      {canEdit ? (
        <div className="project-card__stage">
          <label className="field__label" htmlFor={`${titleId}-stage`}>
            {t('projects.card.stage')}
            <span className="sr-only"> {t('projects.card.ofProject', { title: project.title })}</span>
          </label>
          <select
            ref={selectRef}
            id={`${titleId}-stage`}
            className="input input--select input--compact"
            value={project.stage}
            disabled={update.isPending}
            onChange={(e) => changeStage(e.target.value as ProjectStage)}
          >
            {vocabularyOptions(t, ProjectStage).map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {error ? (
        <ErrorAlert>
          <p>{errorMessage(t, error)}</p>
          {isApiError(error, 409) ? (
            <Button variant="secondary" onClick={() => setError(null)}>
              {t('projects.card.dismiss')}
            </Button>
          ) : null}
        </ErrorAlert>
      ) : null}
    </article>
  );
}
