import { roleAtLeast } from '@concerto/domain';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { useDeleteProject, useProject } from './projects-api';
import { ErrorAlert, Notice } from '../../ui/alert';
import { Button } from '../../ui/button';
import { errorMessage } from '../../ui/form-feedback';
import { formatDateTime } from '../../ui/format';
import { Loading } from '../../ui/loading';
import { useConfirmedMutation } from '../../ui/use-confirmed-mutation';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useSpaceContext } from '../spaces/space-context';
import { FundingLinesSection } from './funding-lines-section';
import { IndicatorsSection } from './indicators-section';
import { MilestonesSection } from './milestones-section';
import { ProjectForm } from './project-form';
import { ProjectNotes } from './project-notes';
import { ProjectOrigin } from './project-origin';
import { ProjectReadView } from './project-read-view';
import { ProjectTimeline } from './project-timeline';
import './projects.css';

/** One shared project: its description, milestones, indicators, funding, notes and history. */
export function ProjectPage() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const { space } = useSpaceContext();
  const { projectId = '' } = useParams();
  const navigate = useNavigate();
  const project = useProject(space.id, projectId);
  const remove = useDeleteProject(space.id);
  const confirmRemove = useConfirmedMutation(remove);
  const board = `/espaces/${space.id}/projets`;
  useDocumentTitle(project.data ? `${project.data.title} – ${space.title}` : t('app.loading'));
  const canEdit = roleAtLeast(space.myRole, 'contributeur');

  if (project.isPending) return <Loading />;
  if (project.isError) {
    return (
      <section className="section">
        <ErrorAlert>
          <p>{isApiError(project.error, 404) ? t('projects.notFound') : errorMessage(t, project.error)}</p>
        </ErrorAlert>
        <p>
          <Link to={board}>{t('projects.backToBoard')}</Link>
        </p>
      </section>
    );
  }

  const current = project.data;
  const onDelete = () => {
    confirmRemove(current.id, {
      question: t('projects.confirmDelete', { title: current.title }),
      onSuccess: () => void navigate(board, { replace: true }),
    });
  };

  return (
    <article className="project-page" aria-labelledby={`${id}-title`}>
      <p className="space-header__back">
        <Link to={board}>{t('projects.backToBoard')}</Link>
      </p>
      <h2 id={`${id}-title`}>{current.title}</h2>
      <p className="muted">{t('projects.updatedAt', { date: formatDateTime(current.updatedAt, i18n.language) })}</p>
      <ProjectOrigin project={current} />
      <section className="section" aria-labelledby={`${id}-about`}>
        <h2 id={`${id}-about`} className="sr-only">
          {t('projects.about')}
        </h2>
        {canEdit ? (
          <ProjectForm key={current.id} spaceId={space.id} project={current} />
        ) : (
          <>
            <Notice>{t('projects.readOnly')}</Notice>
            <ProjectReadView project={current} />
          </>
        )}
      </section>
      <MilestonesSection spaceId={space.id} project={current} canEdit={canEdit} />
      <IndicatorsSection spaceId={space.id} project={current} canEdit={canEdit} />
      <FundingLinesSection spaceId={space.id} project={current} canEdit={canEdit} />
      <ProjectNotes projectId={current.id} readOnly={!canEdit} />
      <ProjectTimeline spaceId={space.id} projectId={current.id} />
      {space.myRole === 'animateur' ? (
        <section className="section" aria-labelledby={`${id}-danger`}>
          <h2 id={`${id}-danger`}>{t('projects.deleteTitle')}</h2>
          <ErrorAlert>{remove.isError ? errorMessage(t, remove.error) : null}</ErrorAlert>
          <Button variant="danger" onClick={onDelete} busy={remove.isPending}>
            {t('projects.delete')}
          </Button>
        </section>
      ) : null}
    </article>
  );
}
