import { Suspense, lazy, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../ui/loading';

// The editor (Tiptap, Yjs) is loaded only when a page shows co-edited text.
const ProjectNotesEditor = lazy(() => import('../collab/project-notes-editor').then((m) => ({ default: m.ProjectNotesEditor })));

/** The project's notes, co-edited live by the members of the space. */
export function ProjectNotes({ projectId, readOnly }: { projectId: string; readOnly: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('projects.notes.title')}</h2>
      <Suspense fallback={<Loading />}>
        <ProjectNotesEditor
          projectId={projectId}
          label={t('projects.notes.label')}
          hint={readOnly ? t('projects.notes.readOnly') : t('projects.notes.hint')}
          readOnly={readOnly}
        />
      </Suspense>
    </section>
  );
}
