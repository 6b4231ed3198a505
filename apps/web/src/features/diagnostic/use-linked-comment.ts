import { useLocation } from 'react-router';
import type { CommentView } from '@concerto/domain';

const PREFIX = '#commentaire-';

/**
 * The thread (its first comment's id) that holds the comment the address links to (`#commentaire-<id>`, from a
 * notification), when it is among these comments; null otherwise. The panel holding it opens and activates it, and
 * the app brings the comment into view (`app/use-hash-target.ts`).
 */
export function useLinkedComment(comments: CommentView[]): string | null {
  const { hash } = useLocation();
  if (!hash.startsWith(PREFIX)) return null;
  const linked = comments.find((c) => c.id === decodeURIComponent(hash.slice(PREFIX.length)));
  return linked ? (linked.parentId ?? linked.id) : null;
}
