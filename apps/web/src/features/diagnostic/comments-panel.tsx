import type { CommentAnchor, CommentView } from '@concerto/domain';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { useCreateComment, type CommentsTarget } from './comments-api';
import { Button } from '../../ui/button';
import { errorMessage } from '../../ui/form-feedback';
import { CommentForm } from './comment-form';
import { CommentThread } from './comment-thread';

/** Re-renders on every change of the document (a commented passage may just have been deleted). */
function useDocTick(doc: Y.Doc): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const bump = () => setTick((n) => n + 1);
    doc.on('update', bump);
    return () => doc.off('update', bump);
  }, [doc]);
  return tick;
}

/**
 * The comment threads of one commented text (a diagnostic section, a testimony's story), beside it: open ones first,
 * then the resolved ones.
 */
export function CommentsPanel({
  target,
  doc,
  section,
  comments,
  canComment,
  canModerate,
  pending,
  onPendingDone,
  activeComment,
  onActivate,
  onClose,
  howTo,
}: {
  target: CommentsTarget;
  doc: Y.Doc;
  /** The commented text: a section's id and title, or a testimony's story. */
  section: { id: string; title: string };
  comments: CommentView[];
  canComment: boolean;
  canModerate: boolean;
  pending: CommentAnchor | null;
  onPendingDone: () => void;
  activeComment: string | null;
  onActivate: (id: string | null) => void;
  onClose: () => void;
  /** How to start a comment on this text (default: the diagnostic's toolbar). */
  howTo?: string;
}) {
  const { t } = useTranslation();
  useDocTick(doc);
  const create = useCreateComment(target);
  const titleId = `comments-${section.id}-title`;
  const roots = comments.filter((c) => c.parentId === null);
  const repliesOf = (id: string) => comments.filter((c) => c.parentId === id).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const open = roots.filter((c) => !c.resolvedAt);
  const resolved = roots.filter((c) => c.resolvedAt);
  const thread = (root: CommentView) => (
    <CommentThread
      key={root.id}
      target={target}
      doc={doc}
      root={root}
      replies={repliesOf(root.id)}
      canComment={canComment}
      canModerate={canModerate}
      active={activeComment === root.id}
      onActivate={onActivate}
    />
  );

  return (
    <aside className="comments-panel" aria-labelledby={titleId}>
      <div className="comments-panel__header">
        <h4 id={titleId}>{t('diagnostic.comments.title', { title: section.title })}</h4>
        <Button variant="secondary" onClick={onClose}>
          {t('diagnostic.comments.close')}
        </Button>
      </div>
      {pending ? (
        <div className="comments-panel__new">
          <p className="diagnostic-muted">{t('diagnostic.comments.on')}</p>
          <blockquote className="comment-thread__quote">{pending.quote}</blockquote>
          {create.error ? (
            <p className="field__error" role="alert">
              {errorMessage(t, create.error)}
            </p>
          ) : null}
          <CommentForm
            spaceId={target.spaceId}
            label={t('diagnostic.comments.newLabel')}
            submitLabel={t('diagnostic.comments.send')}
            busy={create.isPending}
            onCancel={onPendingDone}
            onSubmit={({ body, mentions }, reset) =>
              create.mutate(
                { sectionId: section.id, anchor: pending, body, mentions },
                {
                  onSuccess: () => {
                    reset();
                    onPendingDone();
                  },
                },
              )
            }
          />
        </div>
      ) : canComment ? (
        <p className="diagnostic-muted">{howTo ?? t('diagnostic.comments.howTo')}</p>
      ) : (
        <p className="diagnostic-muted">{t('diagnostic.comments.closed')}</p>
      )}
      {open.length === 0 ? <p>{t('diagnostic.comments.none')}</p> : open.map(thread)}
      {resolved.length > 0 ? (
        <details className="comments-panel__resolved">
          <summary>{t('diagnostic.comments.resolved', { count: resolved.length })}</summary>
          {resolved.map(thread)}
        </details>
      ) : null}
    </aside>
  );
}
