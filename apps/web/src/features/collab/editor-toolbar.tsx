import { useEditorState, type Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';

type Mark = 'bold' | 'italic' | 'heading' | 'bulletList' | 'orderedList';

/** A button after the formatting ones (e.g. « Insérer une référence vivante »). */
export interface ExtraAction {
  key: string;
  label: string;
  run: () => void;
}

/** Formatting buttons; each says whether its format applies at the cursor (aria-pressed). */
export function EditorToolbar({ editor, label, extra = [] }: { editor: Editor; label: string; extra?: ExtraAction[] }) {
  const { t } = useTranslation();
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      heading: e.isActive('heading', { level: 3 }),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
    }),
  });
  const actions: Record<Mark, () => void> = {
    bold: () => editor.chain().focus().toggleBold().run(),
    italic: () => editor.chain().focus().toggleItalic().run(),
    heading: () => editor.chain().focus().toggleHeading({ level: 3 }).run(),
    bulletList: () => editor.chain().focus().toggleBulletList().run(),
    orderedList: () => editor.chain().focus().toggleOrderedList().run(),
  };
  return (
    <div className="editor-toolbar" role="toolbar" aria-label={label}>
      {(Object.keys(actions) as Mark[]).map((mark) => (
        <button key={mark} type="button" className="editor-toolbar__button" aria-pressed={active[mark]} onClick={actions[mark]}>
          {t(`collab.format.${mark}`)}
        </button>
      ))}
      {extra.map((action) => (
        <button key={action.key} type="button" className="editor-toolbar__button" onClick={action.run}>
          {action.label}
        </button>
      ))}
    </div>
  );
}
