import { useEditorState, type Editor } from '@tiptap/react';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isAllowedLink } from './diagnostic-extensions';

export interface ToolbarAction {
  key: string;
  label: string;
  pressed?: boolean;
  disabled?: boolean;
  run: () => void;
}

/**
 * The formatting toolbar of a section (WAI-ARIA toolbar pattern): one Tab stop, arrow keys, Home and End move
 * between buttons; each toggle says whether it applies at the cursor (aria-pressed).
 */
export function DiagnosticToolbar({
  editor,
  label,
  onComment,
  extraActions = [],
}: {
  editor: Editor;
  label: string;
  /** Starts a comment on the selected passage; absent when the viewer may not comment. */
  onComment?: () => void;
  /** More actions for writers, after the formatting ones (e.g. the guide's « Insérer une référence vivante »). */
  extraActions?: ToolbarAction[];
}) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      editable: e.isEditable,
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      h4: e.isActive('heading', { level: 4 }),
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      link: e.isActive('link'),
      inTable: e.isActive('table'),
      selection: !e.state.selection.empty,
    }),
  });
  const chain = () => editor.chain().focus();
  const editLink = () => {
    if (state.link) return void chain().extendMarkRange('link').unsetLink().run();
    const url = window.prompt(t('diagnostic.editor.linkPrompt'), 'https://');
    if (!url) return;
    if (!isAllowedLink(url)) return void window.alert(t('diagnostic.editor.linkRefused'));
    chain().extendMarkRange('link').setLink({ href: url.trim() }).run();
  };
  const actions: ToolbarAction[] = state.editable
    ? [
        { key: 'h2', label: t('diagnostic.editor.h2'), pressed: state.h2, run: () => chain().toggleHeading({ level: 2 }).run() },
        { key: 'h3', label: t('diagnostic.editor.h3'), pressed: state.h3, run: () => chain().toggleHeading({ level: 3 }).run() },
        { key: 'h4', label: t('diagnostic.editor.h4'), pressed: state.h4, run: () => chain().toggleHeading({ level: 4 }).run() },
        { key: 'bold', label: t('collab.format.bold'), pressed: state.bold, run: () => chain().toggleBold().run() },
        { key: 'italic', label: t('collab.format.italic'), pressed: state.italic, run: () => chain().toggleItalic().run() },
        { key: 'bulletList', label: t('collab.format.bulletList'), pressed: state.bulletList, run: () => chain().toggleBulletList().run() },
        { key: 'orderedList', label: t('collab.format.orderedList'), pressed: state.orderedList, run: () => chain().toggleOrderedList().run() },
        { key: 'link', label: state.link ? t('diagnostic.editor.unlink') : t('diagnostic.editor.link'), run: editLink },
        ...(state.inTable
          ? [
              { key: 'addRow', label: t('diagnostic.editor.addRow'), run: () => chain().addRowAfter().run() },
              { key: 'addColumn', label: t('diagnostic.editor.addColumn'), run: () => chain().addColumnAfter().run() },
              { key: 'deleteTable', label: t('diagnostic.editor.deleteTable'), run: () => chain().deleteTable().run() },
            ]
          : [{ key: 'table', label: t('diagnostic.editor.table'), run: () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run() }]),
      ]
    : [];
  if (state.editable) actions.push(...extraActions);
  if (onComment) actions.push({ key: 'comment', label: t('diagnostic.comments.comment'), disabled: !state.selection, run: onComment });
  if (actions.length === 0) return null;
  const active = Math.min(current, actions.length - 1);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = { ArrowRight: active + 1, ArrowLeft: active - 1, Home: 0, End: actions.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    const next = (moves[event.key] + actions.length) % actions.length;
    setCurrent(next);
    buttons.current[next]?.focus();
  };

  return (
    <div className="editor-toolbar" role="toolbar" aria-label={label} onKeyDown={onKeyDown}>
      {actions.map((action, index) => (
        <button
          key={action.key}
          ref={(element) => {
            buttons.current[index] = element;
          }}
          type="button"
          className={action.key === 'comment' ? 'editor-toolbar__button editor-toolbar__button--comment' : 'editor-toolbar__button'}
          tabIndex={index === active ? 0 : -1}
          aria-pressed={action.pressed}
          aria-disabled={action.disabled || undefined}
          onMouseDown={(event) => event.preventDefault()}
          onFocus={() => setCurrent(index)}
          onClick={() => {
            if (!action.disabled) action.run();
          }}
        >
          {action.label}
        </button>
      ))}
    </div>
  );
}
