import { documentReadOnly, mayChangeComment, mayComment, maySeeVoteResults } from './content-rules.js';

describe('access rules on content', () => {
  it('lets observateurs read documents and comment only where comments are open to them', () => {
    expect(documentReadOnly('observateur')).toBe(true);
    expect(documentReadOnly('contributeur')).toBe(false);
    expect(mayComment('observateur', false)).toBe(false);
    expect(mayComment('observateur', true)).toBe(true);
    expect(mayComment('contributeur', false)).toBe(true);
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
});
