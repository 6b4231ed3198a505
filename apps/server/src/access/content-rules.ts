import { type SpaceRole, roleAtLeast } from '@concerto/domain';

/**
 * The access rules on content, as pure functions of the caller's role (given by AccessPolicy or the guards) and of
 * the content: services call them instead of comparing roles themselves.
 */

/** Contributeurs and animateurs write; observateurs read. */
export const mayWrite = (role: SpaceRole): boolean => roleAtLeast(role, 'contributeur');

/** A co-edited document is read-only for those who may not write. */
export const documentReadOnly = (role: SpaceRole): boolean => !mayWrite(role);

/** Observateurs comment only where the animateur opened comments to them. */
export const mayComment = (role: SpaceRole, observersCanComment: boolean): boolean => mayWrite(role) || observersCanComment;

/** What one may do to an existing comment: its author edits its text; writers and its author resolve it; its author or an animateur deletes it. */
export function mayChangeComment(change: 'edit' | 'resolve' | 'delete', role: SpaceRole, isAuthor: boolean): boolean {
  switch (change) {
    case 'edit':
      return isAuthor;
    case 'resolve':
      return isAuthor || mayWrite(role);
    case 'delete':
      return isAuthor || role === 'animateur';
  }
}

/** A vote's results: shown to everyone while live-visible or once closed, to the animateur at any time. */
export const maySeeVoteResults = (role: SpaceRole, vote: { resultsVisibility: 'live' | 'on_close'; status: string }): boolean =>
  vote.resultsVisibility === 'live' || vote.status === 'closed' || role === 'animateur';
