import { type RecommendationStatus, type SpaceRole, type TestimonyStatus, roleAtLeast } from '@concerto/domain';

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

/** Every member comments a testimony's story: observateurs read and comment testimonies (no animateur opens it to them). */
export const mayCommentTestimony = (role: SpaceRole): boolean => mayComment(role, true);

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

/** A testimony moves brouillon ↔ relu by its writers; only animateurs validate it or take it back from validé. */
export const mayChangeTestimonyStatus = (role: SpaceRole, from: TestimonyStatus, to: TestimonyStatus): boolean =>
  role === 'animateur' || (mayWrite(role) && from !== 'validated' && to !== 'validated');

/** A content change by a non-animateur to a validated testimony sends it back to relu: it must be validated again. */
export const testimonyStatusAfterEdit = (role: SpaceRole, status: TestimonyStatus): TestimonyStatus =>
  status === 'validated' && role !== 'animateur' ? 'reviewed' : status;

/** Animateurs delete any testimony; its author deletes it while it is a draft. */
export const mayDeleteTestimony = (role: SpaceRole, isAuthor: boolean, status: TestimonyStatus): boolean =>
  role === 'animateur' || (mayWrite(role) && isAuthor && status === 'draft');

const UNDECIDED: readonly RecommendationStatus[] = ['proposed', 'debated'];

/** A recommendation moves proposée ↔ débattue by its writers; only animateurs retain it, set it aside, or take that back. */
export const mayChangeRecommendationStatus = (role: SpaceRole, from: RecommendationStatus, to: RecommendationStatus): boolean =>
  role === 'animateur' || (mayWrite(role) && UNDECIDED.includes(from) && UNDECIDED.includes(to));

/** Animateurs delete any recommendation; its author deletes it while it is only proposed. */
export const mayDeleteRecommendation = (role: SpaceRole, isAuthor: boolean, status: RecommendationStatus): boolean =>
  role === 'animateur' || (mayWrite(role) && isAuthor && status === 'proposed');
