import { TESTIMONY_STORY, type CollabDocument } from '@concerto/collab';
import type { CommentAnchor, TestimonyView } from '@concerto/domain';
import type { Editor } from '@tiptap/react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button';
import { CollabEditor } from '../collab/collab-editor';
import { anchorOfSelection } from '../diagnostic/comment-anchors';
import { CommentHighlights, setHighlightedComments, type HighlightedComment } from '../diagnostic/comment-highlights';
import { useComments } from '../diagnostic/comments-api';
import { CommentsPanel } from '../diagnostic/comments-panel';
import { useLinkedComment } from '../diagnostic/use-linked-comment';
import { testimonyComments } from './testimonies-api';
import '../diagnostic/diagnostic.css';
import '../diagnostic/diagnostic-panels.css';

const EXTENSIONS = [CommentHighlights];

/**
 * A testimony's co-edited story with its anchored comments beside it: the diagnostic's comment components on another
 * commented document. Every member comments (observateurs read the story and comment it); writers edit it.
 */
export function TestimonyStory({
  spaceId,
  testimony,
  canEdit,
  canModerate,
}: {
  spaceId: string;
  testimony: TestimonyView;
  canEdit: boolean;
  canModerate: boolean;
}) {
  const { t } = useTranslation();
  const target = useMemo(() => testimonyComments(spaceId, testimony.id), [spaceId, testimony.id]);
  const comments = useComments(target);
  const [bound, setBound] = useState<{ editor: Editor; document: CollabDocument } | null>(null);
  const [panelOpen, setPanelOpen] = useState(false);
  const [pending, setPending] = useState<CommentAnchor | null>(null);
  const [active, setActive] = useState<string | null>(null);
  const [selectFirst, setSelectFirst] = useState(false);
  const all = comments.data ?? [];
  const open = all.flatMap((c) => (c.parentId === null && c.anchor && !c.resolvedAt ? [{ id: c.id, anchor: c.anchor }] : []));
  const highlightsKey = JSON.stringify(open.map((c): HighlightedComment => ({ ...c, active: c.id === active })));
  // A link to one of the story's comments (a notification) opens the panel on its thread.
  const linked = useLinkedComment(all);
  useEffect(() => {
    if (!linked) return;
    setPanelOpen(true);
    setActive(linked);
  }, [linked]);

  useEffect(() => {
    const editor = bound?.editor;
    if (!editor || editor.isDestroyed) return;
    editor.view.dispatch(setHighlightedComments(editor.state.tr, JSON.parse(highlightsKey) as HighlightedComment[]));
  }, [bound, highlightsKey]);

  const startComment = () => {
    const anchor = bound ? anchorOfSelection(bound.editor) : null;
    setSelectFirst(anchor === null);
    if (!anchor) return;
    setPending(anchor);
    setPanelOpen(true);
  };

  return (
    <div className={panelOpen && bound ? 'diagnostic-section__body diagnostic-section__body--with-panel' : 'diagnostic-section__body'}>
      <div className="diagnostic-section__main">
        <CollabEditor
          documentName={testimony.storyDocument}
          field={TESTIMONY_STORY}
          label={t('guide.testimonies.story.label')}
          hint={canEdit ? t('guide.testimonies.story.hint') : t('guide.testimonies.story.readOnly')}
          readOnly={!canEdit}
          extensions={EXTENSIONS}
          onEditor={setBound}
        />
        <div className="diagnostic-actions">
          <Button variant="secondary" disabled={!bound} onClick={startComment}>
            {t('guide.testimonies.comments.comment')}
          </Button>
          <Button variant="secondary" aria-expanded={panelOpen} disabled={!bound} onClick={() => setPanelOpen(!panelOpen)}>
            {t('guide.testimonies.comments.toggle', { count: open.length })}
          </Button>
        </div>
        {selectFirst ? (
          <p className="diagnostic-muted" role="status">
            {t('guide.testimonies.comments.selectFirst')}
          </p>
        ) : null}
      </div>
      {panelOpen && bound ? (
        <CommentsPanel
          target={target}
          doc={bound.document.doc}
          section={{ id: TESTIMONY_STORY, title: t('guide.testimonies.story.label') }}
          comments={all}
          canComment
          canModerate={canModerate}
          pending={pending}
          onPendingDone={() => setPending(null)}
          activeComment={active}
          onActivate={setActive}
          onClose={() => setPanelOpen(false)}
          howTo={t('guide.testimonies.comments.howTo')}
        />
      ) : null}
    </div>
  );
}
