import { roleAtLeast, type ProjectListQuery } from '@concerto/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProjects } from './projects-api';
import { ErrorAlert, Notice } from '../../ui/alert';
import { Button } from '../../ui/button';
import { RadioGroup } from '../../ui/choice-group';
import { errorMessage } from '../../ui/form-feedback';
import { Loading } from '../../ui/loading';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useSpaceContext } from '../spaces/space-context';
import { CsvPanel } from './csv-panel';
import { NewProjectForm } from './new-project-form';
import { ProjectBoard, type BoardGrouping } from './project-board';
import { ProjectFilters } from './project-filters';
import './projects.css';

/** The space's shared projects: a live board by stage or status, filters, creation and CSV files. */
export function ProjectsTab() {
  const { t } = useTranslation();
  const { space } = useSpaceContext();
  useDocumentTitle(`${t('projects.title')} – ${space.title}`);
  const [filters, setFilters] = useState<ProjectListQuery>({});
  const [grouping, setGrouping] = useState<BoardGrouping>('stage');
  const projects = useProjects(space.id, filters);
  const allProjects = useProjects(space.id);
  const canEdit = roleAtLeast(space.myRole, 'contributeur');
  const filtered = Object.values(filters).some(Boolean);

  return (
    <section className="section">
      <h2>{t('projects.title')}</h2>
      <p>{t('projects.intro')}</p>
      {canEdit ? null : <Notice>{t('projects.readOnly')}</Notice>}
      <div className="board-tools">
        <ProjectFilters projects={allProjects.data ?? []} value={filters} onChange={setFilters} />
        <RadioGroup
          legend={t('projects.groupBy')}
          name="grouping"
          options={[
            { value: 'stage', label: t('projects.byStage') },
            { value: 'status', label: t('projects.byStatus') },
          ]}
          value={grouping}
          onChange={setGrouping}
        />
      </div>
      {projects.isPending ? <Loading /> : null}
      {projects.isError ? (
        <ErrorAlert>
          <p>{errorMessage(t, projects.error)}</p>
          <Button variant="secondary" onClick={() => void projects.refetch()}>
            {t('errors.retry')}
          </Button>
        </ErrorAlert>
      ) : null}
      {projects.data ? <ProjectBoard space={space} projects={projects.data} grouping={grouping} filtered={filtered} canEdit={canEdit} /> : null}
      {canEdit ? <NewProjectForm spaceId={space.id} /> : null}
      <CsvPanel spaceId={space.id} canImport={canEdit} />
    </section>
  );
}
