import { useMemo } from 'react';
import { CollabEditor } from '../collab/collab-editor';
import { LiveReference } from './live-reference-extension';
import { useLiveReferenceInsert } from './live-reference-insert';
import { useLiveReferenceNotices } from './live-reference-notices';
import './guide-document.css';

/**
 * The co-edited text of an analysis chapter, which may embed live references to figures, testimonies and
 * recommendations (the server accepts them in an analysis' text and the guide's only). Loaded with the editor.
 */
export function AnalysisTextEditor(props: { spaceId: string; documentName: string; field: string; label: string; hint: string; readOnly: boolean }) {
  const { spaceId, ...editor } = props;
  const insert = useLiveReferenceInsert(spaceId);
  useLiveReferenceNotices(spaceId);
  const extensions = useMemo(() => [LiveReference.configure({ spaceId })], [spaceId]);
  return (
    <>
      <CollabEditor {...editor} extensions={extensions} extraActions={props.readOnly ? undefined : insert.actions} />
      {props.readOnly ? null : insert.dialog}
    </>
  );
}
