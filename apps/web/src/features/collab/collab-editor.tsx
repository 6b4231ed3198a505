import { type CollabDocument, isSafeHref } from '@concerto/collab';
import type { AnyExtension } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/account';
import { ErrorAlert } from '../../ui/alert';
import { CollabStatus } from './collab-status';
import { EditorToolbar, type ExtraAction } from './editor-toolbar';
import { useCollabDocument } from './use-collab-document';
import './collab-editor.css';
import { CollabRefusal } from './collab-refusal';

interface CollabEditorProps {
  /** Document name, e.g. `project/<id>/notes`. */
  documentName: string;
  /** The XmlFragment of the document holding the text. */
  field: string;
  /** Visible heading-like label of the editor. */
  label: string;
  hint?: string;
  /** The viewer may not edit (observers); the server enforces it too. */
  readOnly?: boolean;
  /** Nodes beyond the base schema (an analysis' live references); the server's schema of the document must have them. */
  extensions?: AnyExtension[];
  /** Toolbar buttons beyond formatting, given the editor (e.g. inserting a live reference). */
  extraActions?: (editor: Editor) => ExtraAction[];
  /** Given the bound editor and its document once they exist (null when they go), e.g. to comment a selection. */
  onEditor?: (bound: { editor: Editor; document: CollabDocument } | null) => void;
}

/** A rich-text editor co-edited live through `/collab`, with its saving status. */
export function CollabEditor({ documentName, field, label, hint, readOnly = false, extensions, extraActions, onEditor }: CollabEditorProps) {
  const { t } = useTranslation();
  const state = useCollabDocument(documentName);
  const locked = readOnly || state.readOnly;
  return (
    <div className="collab-editor">
      <CollabStatus status={state.status} readOnly={locked} />
      {state.closedCode ? <ErrorAlert>{t('collab.unavailable')}</ErrorAlert> : null}
      <CollabRefusal code={state.refusedCode} />
      {state.document ? (
        <BoundEditor
          key={state.document.name + String(state.document.doc.guid)}
          document={state.document}
          field={field}
          label={label}
          hint={hint}
          readOnly={locked}
          extensions={extensions}
          extraActions={extraActions}
          onEditor={onEditor}
        />
      ) : null}
    </div>
  );
}

type BoundEditorProps = Omit<CollabEditorProps, 'documentName' | 'readOnly'> & { document: CollabDocument; readOnly: boolean };

function BoundEditor({ document, field, label, hint, readOnly, extensions = [], extraActions, onEditor }: BoundEditorProps) {
  const id = useId();
  const { t } = useTranslation();
  const { data: me } = useMe();
  const editor = useEditor(
    {
      editable: !readOnly,
      immediatelyRender: true,
      extensions: [
        // Links as the server accepts them (http, https, mailto); anything else is refused, typed or pasted.
        StarterKit.configure({
          undoRedo: false,
          link: {
            protocols: ['http', 'https', 'mailto'],
            autolink: false,
            openOnClick: false,
            isAllowedUri: (url) => isSafeHref(url),
            shouldAutoLink: (url) => isSafeHref(url),
            HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
          },
        }),
        Collaboration.configure({ document: document.doc, field }),
        CollaborationCaret.configure({
          provider: { awareness: document.awareness },
          user: { name: me?.displayName ?? t('collab.someone'), color: '#000091' },
        }),
        ...extensions,
      ],
      editorProps: {
        attributes: {
          class: 'collab-editor__content',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-labelledby': `${id}-label`,
          ...(hint ? { 'aria-describedby': `${id}-hint` } : {}),
          ...(readOnly ? { 'aria-readonly': 'true' } : {}),
        },
      },
    },
    [document, field],
  );

  useEffect(() => {
    if (editor && editor.isEditable === readOnly) editor.setEditable(!readOnly);
  }, [editor, readOnly]);

  useEffect(() => {
    if (!onEditor || !editor) return;
    onEditor({ editor, document });
    return () => onEditor(null);
  }, [editor, document, onEditor]);

  return (
    <div className="collab-editor__frame">
      <p className="field__label" id={`${id}-label`}>
        {label}
      </p>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {!readOnly && editor ? <EditorToolbar editor={editor} label={t('collab.toolbar', { label })} extra={extraActions?.(editor)} /> : null}
      <EditorContent editor={editor} />
    </div>
  );
}
