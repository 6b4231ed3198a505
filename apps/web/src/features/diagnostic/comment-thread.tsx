import type { CommentView } from '@concerto/domain';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { useMe } from '../../api/account';
import { useCreateComment, useDeleteComment, useUpdateComment, type CommentsTarget } from './comments-api';
import { Button } from '../../ui/button';
import { TextAreaField } from '../../ui/field';
import { checkField, errorMessage } from '../../ui/form-feedback';
import { formatDateTime } from '../../ui/format';
import { useConfirmedMutation } from '../../ui/use-confirmed-mutation';
import { CommentBody } from './comment-body';
import { anchorStillThere } from './comment-anchors';
import { CommentForm } from './comment-form';

/** A thread: the commented passage, the first comment, its replies, and resolve / reopen. */
export function CommentThread({
  target,
  doc,
  root,
  replies,
  canComment,
  canModerate,
  active,
  onActivate,
}: {
  target: CommentsTarget;
  doc: Y.Doc;
  root: CommentView;
  replies: CommentView[];
  canComment: boolean;
  canModerate: boolean;
  active: boolean;
  onActivate: (id: string | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const [replying, setReplying] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const create = useCreateComment(target);
  const update = useUpdateComment(target);
  const remove = useDeleteComment(target);
  const confirmRemove = useConfirmedMutation(remove);
  const resolved = root.resolvedAt !== null;
  const gone = root.anchor ? !anchorStillThere(doc, root.anchor) : false;
  const error = create.error ?? update.error ?? remove.error;

  const renderComment = (comment: CommentView) => {
    const mine = comment.author?.id === me?.id;
    return (
      <li key={comment.id} className="comment" id={`commentaire-${comment.id}`}>
        <p className="comment__meta">
          <strong>{comment.author?.displayName ?? t('diagnostic.comments.formerMember')}</strong>{' '}
          <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt, i18n.language)}</time>
          {comment.editedAt ? ` ${t('diagnostic.comments.edited')}` : null}
        </p>
        {editingId === comment.id ? (
          <CommentEditForm
            comment={comment}
            busy={update.isPending}
            onCancel={() => setEditingId(null)}
            onSubmit={(body) => update.mutate({ commentId: comment.id, body: { body } }, { onSuccess: () => setEditingId(null) })}
          />
        ) : (
          <p className="comment__body">{comment.body}</p>
        )}
        {comment.mentions.length > 0 ? (
          <p className="comment__mentions">{t('diagnostic.comments.mentions', { names: comment.mentions.map((m) => m.displayName).join(', ') })}</p>
        ) : null}
        {mine || canModerate ? (
          <p className="comment__actions">
            {mine && editingId !== comment.id ? (
              <button type="button" className="link-button" onClick={() => setEditingId(comment.id)}>
                {t('diagnostic.comments.edit')}
              </button>
            ) : null}
            {mine || canModerate ? (
              <button type="button" className="link-button" onClick={() => confirmRemove(comment.id, { question: t('diagnostic.comments.confirmDelete') })}>
                {t('diagnostic.comments.delete')}
              </button>
            ) : null}
          </p>
        ) : null}
      </li>
    );
  };

  return (
    <article
      className={`comment-thread${resolved ? ' comment-thread--resolved' : ''}${active ? ' comment-thread--active' : ''}`}
      aria-label={t('diagnostic.comments.thread', { quote: root.anchor?.quote ?? '' })}
    >
      {root.anchor ? (
        <blockquote className="comment-thread__quote">
          {gone ? <span className="comment-thread__gone">{t('diagnostic.comments.deletedPassage')} </span> : null}
          {gone ? <del>{root.anchor.quote}</del> : root.anchor.quote}
        </blockquote>
      ) : null}
      <ul className="comment-thread__list">{[root, ...replies].map(renderComment)}</ul>
      {resolved && root.resolvedBy ? <p className="diagnostic-muted">{t('diagnostic.comments.resolvedBy', { name: root.resolvedBy.displayName })}</p> : null}
      {error ? (
        <p className="field__error" role="alert">
          {errorMessage(t, error)}
        </p>
      ) : null}
      <div className="diagnostic-actions">
        {!resolved && !gone ? (
          <Button variant="secondary" aria-pressed={active} onClick={() => onActivate(active ? null : root.id)}>
            {t('diagnostic.comments.showPassage')}
          </Button>
        ) : null}
        {canComment && !resolved && !replying ? (
          <Button variant="secondary" onClick={() => setReplying(true)}>
            {t('diagnostic.comments.reply')}
          </Button>
        ) : null}
        {canComment ? (
          <Button variant="secondary" busy={update.isPending} onClick={() => update.mutate({ commentId: root.id, body: { resolved: !resolved } })}>
            {resolved ? t('diagnostic.comments.reopen') : t('diagnostic.comments.resolve')}
          </Button>
        ) : null}
      </div>
      {replying ? (
        <CommentForm
          spaceId={target.spaceId}
          label={t('diagnostic.comments.replyLabel')}
          submitLabel={t('diagnostic.comments.sendReply')}
          busy={create.isPending}
          onCancel={() => setReplying(false)}
          onSubmit={({ body, mentions }, reset) =>
            create.mutate(
              { parentId: root.id, body, mentions },
              {
                onSuccess: () => {
                  reset();
                  setReplying(false);
                },
              },
            )
          }
        />
      ) : null}
    </article>
  );
}

/** My comment's text, edited in place: Enregistrer / Annuler. */
function CommentEditForm({
  comment,
  busy,
  onSubmit,
  onCancel,
}: {
  comment: CommentView;
  busy: boolean;
  onSubmit: (body: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [body, setBody] = useState(comment.body);
  const [error, setError] = useState<string | undefined>();
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => formRef.current?.querySelector('textarea')?.focus(), []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkField(t, CommentBody, body);
    if (!checked.ok) return setError(checked.error);
    const text = checked.value;
    setError(undefined);
    if (text === comment.body) return onCancel();
    onSubmit(text);
  };

  return (
    <form className="comment-form" ref={formRef} onSubmit={submit} aria-label={t('diagnostic.comments.editForm')}>
      <TextAreaField label={t('diagnostic.comments.editLabel')} rows={3} value={body} error={error} onChange={(e) => setBody(e.target.value)} />
      <div className="diagnostic-actions">
        <Button type="submit" busy={busy}>
          {t('diagnostic.comments.save')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('diagnostic.cancel')}
        </Button>
      </div>
    </form>
  );
}
