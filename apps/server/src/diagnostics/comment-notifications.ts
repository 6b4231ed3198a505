import type { NotificationEvent } from '../notifications/notification-event.js';
import { excerpt } from '../notifications/notification-text.js';
import type { CommentedDocument } from './comments.repository.js';

/**
 * Who hears of a new comment (on the diagnostic or a testimony's story), one notification each, the most personal
 * reason first:
 *
 * 1. `comment_mention`: the accounts named with @ in it;
 * 2. `comment_reply`: for a reply, those who wrote in the thread before (its first comment's author and the repliers);
 * 3. `comment_on_your_content`: who wrote what it comments (see `CommentRecipientsRepository.contentWriters`).
 *
 * Never its author; the notifications service keeps only the space's members. Pure: the service reads the candidates.
 */

/** The page focuses the comment whose id follows `#commentaire-`. */
export function commentLink(doc: CommentedDocument, commentId: string): string {
  const page = doc.kind === 'testimony' ? `/espaces/${doc.spaceId}/guide/temoignages/${doc.testimonyId}` : `/espaces/${doc.spaceId}/diagnostic`;
  return `${page}#commentaire-${commentId}`;
}

export interface NewCommentFacts {
  doc: CommentedDocument;
  commentId: string;
  /** The thread's first comment, for a reply. */
  threadId: string | null;
  authorId: string;
  body: string;
  title: string | undefined;
}

export interface CommentAudience {
  mentioned: string[];
  threadWriters: string[];
  contentWriters: string[];
}

export function commentEvents(c: NewCommentFacts, audience: CommentAudience): Omit<NotificationEvent, 'db'>[] {
  const told = new Set<string>([c.authorId]);
  const pick = (ids: string[]) => {
    const fresh = [...new Set(ids)].filter((id) => !told.has(id));
    for (const id of fresh) told.add(id);
    return fresh;
  };
  const groups: [NotificationEvent['kind'], string[]][] = [
    ['comment_mention', pick(audience.mentioned)],
    ['comment_reply', c.threadId ? pick(audience.threadWriters) : []],
    ['comment_on_your_content', pick(audience.contentWriters)],
  ];
  const params = { excerpt: excerpt(c.body), ...(c.title ? { title: excerpt(c.title) } : {}) };
  return groups
    .filter(([, recipients]) => recipients.length > 0)
    .map(([kind, recipients]) => ({
      kind,
      spaceId: c.doc.spaceId,
      actorAccountId: c.authorId,
      recipients,
      place: { kind: 'space' } as const,
      link: commentLink(c.doc, c.commentId),
      params,
      dedupeKey: `comment:${c.commentId}`,
    }));
}
