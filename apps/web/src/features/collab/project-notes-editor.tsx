import { PROJECT_NOTES, projectNotesDocument } from '@concerto/collab';
import { CollabEditor } from './collab-editor';

/** The rich-text notes of a project (`project/<id>/notes`, fragment `notes`). */
export function ProjectNotesEditor(props: { projectId: string; label: string; hint?: string; readOnly: boolean }) {
  return (
    <CollabEditor documentName={projectNotesDocument(props.projectId)} field={PROJECT_NOTES} label={props.label} hint={props.hint} readOnly={props.readOnly} />
  );
}
