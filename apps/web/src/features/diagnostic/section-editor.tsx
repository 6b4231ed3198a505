import { sectionContentKey, type CollabDocument } from '@concerto/collab';
import type { CommentAnchor } from '@concerto/domain';
import type { AnyExtension } from '@tiptap/core';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/account';
import { anchorOfSelection } from './comment-anchors';
import { setHighlightedComments, type HighlightedComment } from './comment-highlights';
import { diagnosticExtensions } from './diagnostic-extensions';
import { DiagnosticToolbar, type ToolbarAction } from './diagnostic-toolbar';

export interface SectionEditorProps {
  document: CollabDocument;
  sectionId: string;
  /** Id of the section's visible heading, which names the editor. */
  labelledBy: string;
  title: string;
  readOnly: boolean;
  /** Called with the anchor of the selected passage; absent when the viewer may not comment. */
  onComment?: (anchor: CommentAnchor) => void;
  highlights: HighlightedComment[];
  /** Nodes beyond the diagnostic's schema (the guide's live references); without comment highlights when given. */
  extraExtensions?: AnyExtension[];
  /** Toolbar actions beyond formatting, given the editor (e.g. inserting a live reference). */
  extraActions?: (editor: Editor) => ToolbarAction[];
}

/**
 * The rich text of one section, bound to its fragment (`section:<id>`) of a shared document of sections: the
 * diagnostic's, or the guide d'appui's (with `extraExtensions` and `extraActions`).
 */
export function SectionEditor(props: SectionEditorProps) {
  const { document, sectionId, labelledBy, title, readOnly, onComment, highlights, extraExtensions, extraActions } = props;
  const { t } = useTranslation();
  const { data: me } = useMe();
  const editor = useEditor(
    {
      editable: !readOnly,
      immediatelyRender: true,
      extensions: diagnosticExtensions({
        document,
        field: sectionContentKey(sectionId),
        userName: me?.displayName ?? t('collab.someone'),
        extra: extraExtensions,
      }),
      editorProps: {
        attributes: {
          class: 'collab-editor__content diagnostic-editor__content',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-labelledby': labelledBy,
          ...(readOnly ? { 'aria-readonly': 'true' } : {}),
        },
      },
    },
    [document, sectionId],
  );

  useEffect(() => {
    if (editor && editor.isEditable === readOnly) editor.setEditable(!readOnly);
  }, [editor, readOnly]);

  const highlightsKey = JSON.stringify(highlights);
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.view.dispatch(setHighlightedComments(editor.state.tr, JSON.parse(highlightsKey) as HighlightedComment[]));
  }, [editor, highlightsKey]);

  const comment = onComment
    ? () => {
        const anchor = editor ? anchorOfSelection(editor) : null;
        if (anchor) onComment(anchor);
      }
    : undefined;

  return (
    <div className="diagnostic-editor">
      {editor ? (
        <DiagnosticToolbar editor={editor} label={t('collab.toolbar', { label: title })} onComment={comment} extraActions={extraActions?.(editor)} />
      ) : null}
      <EditorContent editor={editor} />
    </div>
  );
}
