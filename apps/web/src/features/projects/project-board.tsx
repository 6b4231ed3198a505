import { ProjectStage, ProjectStatus, type ProjectSummary, type SpaceView } from '@concerto/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from '../../ui/alert';
import { ProjectCard } from './project-card';

export type BoardGrouping = 'stage' | 'status';

/** Columns of project cards, by stage or by status; each column is a labelled list. */
export function ProjectBoard({
  space,
  projects,
  grouping,
  filtered,
  canEdit,
}: {
  space: SpaceView;
  projects: readonly ProjectSummary[];
  grouping: BoardGrouping;
  filtered: boolean;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const [moved, setMoved] = useState<{ projectId: string; message: string } | null>(null);
  const vocabulary = grouping === 'stage' ? ProjectStage : ProjectStatus;
  const columns = (vocabulary.keys as readonly string[]).map((key) => ({
    key,
    label: t(`vocab.${vocabulary.name}.${key}`),
    projects: projects.filter((project) => project[grouping] === key),
  }));

  return (
    <div className="board-wrapper">
      <StatusMessage>{moved?.message}</StatusMessage>
      {projects.length === 0 ? <p className="empty">{filtered ? t('projects.noMatch') : t('projects.empty')}</p> : null}
      <div className="board" data-grouping={grouping}>
        {columns.map((column) => (
          <section className="board__column" key={column.key} aria-labelledby={`column-${column.key}`}>
            <h3 className="board__title" id={`column-${column.key}`}>
              {column.label} <span className="board__count">({column.projects.length})</span>
            </h3>
            {column.projects.length > 0 ? (
              <ul className="board__list">
                {column.projects.map((project) => (
                  <li key={project.id}>
                    <ProjectCard
                      spaceId={space.id}
                      project={project}
                      canEdit={canEdit}
                      focusOnMount={moved?.projectId === project.id}
                      onMoved={(message) => setMoved({ projectId: project.id, message })}
                    />
                  </li>
                ))}
              </ul>
            ) : (
              <p className="board__empty">{t('projects.emptyColumn')}</p>
            )}
          </section>
        ))}
      </div>
    </div>
  );
}
