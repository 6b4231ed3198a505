import { voteResultLines } from './minutes-markdown.js';

describe('vote results in the minutes', () => {
  const results = {
    voters: 10,
    options: [
      { key: 'a', label: 'Lieu partagé', dots: 0, meanScore: 4.5, scores: 6 },
      { key: 'b', label: 'Tiers-lieu', dots: 0, meanScore: 3.25, scores: 4 },
    ],
  };

  it('writes mean scores with a decimal comma in French and a point in English', () => {
    const fr = voteResultLines('score', results as never, 'fr', (t) => t);
    expect(fr.join('\n')).toContain('Lieu partagé : moyenne 4,5 / 5 (6)');
    expect(fr.join('\n')).toContain('moyenne 3,3 / 5');
    expect(voteResultLines('score', results as never, 'en', (t) => t).join('\n')).toContain('4.5 / 5');
  });
});
