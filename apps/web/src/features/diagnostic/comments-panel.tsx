import type { DiagnosticSection } from '@concerto/collab';
import type { CommentAnchor, CommentView } from '@concerto/domain';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { useCreateComment } from './diagnostic-api';
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

/** The comment threads of one section, beside its text: open ones first, then the resolved ones. */
export function CommentsPanel({
  spaceId,
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
}: {
  spaceId: string;
  doc: Y.Doc;
  section: DiagnosticSection;
  comments: CommentView[];
  canComment: boolean;
  canModerate: boolean;
  pending: CommentAnchor | null;
  onPendingDone: () => void;
  activeComment: string | null;
  onActivate: (id: string | null) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  useDocTick(doc);
  const create = useCreateComment(spaceId);
  const titleId = `comments-${section.id}-title`;
  const roots = comments.filter((c) => c.parentId === null);
  const repliesOf = (id: string) => comments.filter((c) => c.parentId === id).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const open = roots.filter((c) => !c.resolvedAt);
  const resolved = roots.filter((c) => c.resolvedAt);
  const thread = (root: CommentView) => (
    <CommentThread
      key={root.id}
      spaceId={spaceId}
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
            spaceId={spaceId}
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
        <p className="diagnostic-muted">{t('diagnostic.comments.howTo')}</p>
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
