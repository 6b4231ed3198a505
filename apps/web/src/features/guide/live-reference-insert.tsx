import type { Editor } from '@tiptap/react';
import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from '../../ui/alert';
import { LiveReferenceDialog } from './live-reference-dialog';
import { referenceLabel } from './live-reference-label';

/** A toolbar button of an editor, as both toolbars take them. */
export interface InsertAction {
  key: string;
  label: string;
  run: () => void;
}

/**
 * « Insérer une référence vivante » for any editor holding the `liveReference` node: the toolbar action (given the
 * editor) and the dialog to render once beside the editors; the reference goes where the cursor of that editor was.
 */
export function useLiveReferenceInsert(spaceId: string): { actions: (editor: Editor) => InsertAction[]; dialog: ReactNode } {
  const { t } = useTranslation();
  const [editor, setEditor] = useState<Editor | null>(null);
  const [message, setMessage] = useState<string | undefined>();
  const actions = useCallback((target: Editor) => [{ key: 'liveReference', label: t('guide.reference.insert'), run: () => setEditor(target) }], [t]);
  const dialog = (
    <>
      <LiveReferenceDialog
        spaceId={spaceId}
        open={editor !== null}
        onClose={() => setEditor(null)}
        onInsert={(attributes, itemName) => {
          if (!editor || editor.isDestroyed) return;
          editor.chain().focus().insertLiveReference(attributes).run();
          setMessage(t('guide.reference.inserted', { label: referenceLabel(t, attributes, itemName) }));
        }}
      />
      <StatusMessage tone="info">{message}</StatusMessage>
    </>
  );
  return { actions, dialog };
}
