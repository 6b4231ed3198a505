import {
  documentReadOnly,
  mayChangeComment,
  mayChangeRecommendationStatus,
  mayChangeTestimonyStatus,
  mayComment,
  mayCommentTestimony,
  mayDeleteRecommendation,
  mayDeleteTestimony,
  maySeeVoteResults,
  testimonyStatusAfterEdit,
} from './content-rules.js';

describe('access rules on content', () => {
  it('lets observateurs read documents and comment only where comments are open to them', () => {
    expect(documentReadOnly('observateur')).toBe(true);
    expect(documentReadOnly('contributeur')).toBe(false);
    expect(mayComment('observateur', false)).toBe(false);
    expect(mayComment('observateur', true)).toBe(true);
    expect(mayComment('contributeur', false)).toBe(true);
  });

  it('lets every member comment a testimony’s story, observateurs included', () => {
    for (const role of ['observateur', 'contributeur', 'animateur'] as const) expect(mayCommentTestimony(role)).toBe(true);
  });

  it('keeps a comment’s text to its author, its resolution to writers and its author, its deletion to its author and animateurs', () => {
    expect(mayChangeComment('edit', 'animateur', false)).toBe(false);
    expect(mayChangeComment('edit', 'observateur', true)).toBe(true);
    expect(mayChangeComment('resolve', 'contributeur', false)).toBe(true);
    expect(mayChangeComment('resolve', 'observateur', false)).toBe(false);
    expect(mayChangeComment('delete', 'contributeur', false)).toBe(false);
    expect(mayChangeComment('delete', 'animateur', false)).toBe(true);
  });

  it('hides a vote’s results until it closes, except from the animateur, unless they are live', () => {
    expect(maySeeVoteResults('contributeur', { resultsVisibility: 'on_close', status: 'open' })).toBe(false);
    expect(maySeeVoteResults('animateur', { resultsVisibility: 'on_close', status: 'open' })).toBe(true);
    expect(maySeeVoteResults('observateur', { resultsVisibility: 'on_close', status: 'closed' })).toBe(true);
    expect(maySeeVoteResults('observateur', { resultsVisibility: 'live', status: 'open' })).toBe(true);
  });

  it('lets writers move a testimony between draft and reviewed, and only animateurs validate it or take it back', () => {
    expect(mayChangeTestimonyStatus('contributeur', 'draft', 'reviewed')).toBe(true);
    expect(mayChangeTestimonyStatus('contributeur', 'reviewed', 'draft')).toBe(true);
    expect(mayChangeTestimonyStatus('contributeur', 'reviewed', 'validated')).toBe(false);
    expect(mayChangeTestimonyStatus('contributeur', 'validated', 'reviewed')).toBe(false);
    expect(mayChangeTestimonyStatus('observateur', 'draft', 'reviewed')).toBe(false);
    expect(mayChangeTestimonyStatus('animateur', 'draft', 'validated')).toBe(true);
    expect(mayChangeTestimonyStatus('animateur', 'validated', 'draft')).toBe(true);
  });

  it('sends a validated testimony back to reviewed when a non-animateur changes it', () => {
    expect(testimonyStatusAfterEdit('contributeur', 'validated')).toBe('reviewed');
    expect(testimonyStatusAfterEdit('animateur', 'validated')).toBe('validated');
    expect(testimonyStatusAfterEdit('contributeur', 'draft')).toBe('draft');
  });

  it('keeps deleting a testimony to animateurs, and to its author while it is a draft', () => {
    expect(mayDeleteTestimony('animateur', false, 'validated')).toBe(true);
    expect(mayDeleteTestimony('contributeur', true, 'draft')).toBe(true);
    expect(mayDeleteTestimony('contributeur', true, 'reviewed')).toBe(false);
    expect(mayDeleteTestimony('contributeur', false, 'draft')).toBe(false);
    expect(mayDeleteTestimony('observateur', true, 'draft')).toBe(false);
  });

  it('lets writers debate a recommendation, and only animateurs retain it, set it aside or take that back', () => {
    expect(mayChangeRecommendationStatus('contributeur', 'proposed', 'debated')).toBe(true);
    expect(mayChangeRecommendationStatus('contributeur', 'debated', 'proposed')).toBe(true);
    expect(mayChangeRecommendationStatus('contributeur', 'debated', 'retained')).toBe(false);
    expect(mayChangeRecommendationStatus('contributeur', 'set_aside', 'debated')).toBe(false);
    expect(mayChangeRecommendationStatus('observateur', 'proposed', 'debated')).toBe(false);
    expect(mayChangeRecommendationStatus('animateur', 'debated', 'set_aside')).toBe(true);
    expect(mayChangeRecommendationStatus('animateur', 'retained', 'debated')).toBe(true);
  });

  it('keeps deleting a recommendation to animateurs, and to its author while it is proposed', () => {
    expect(mayDeleteRecommendation('animateur', false, 'retained')).toBe(true);
    expect(mayDeleteRecommendation('contributeur', true, 'proposed')).toBe(true);
    expect(mayDeleteRecommendation('contributeur', true, 'debated')).toBe(false);
    expect(mayDeleteRecommendation('contributeur', false, 'proposed')).toBe(false);
  });
});
