import { personKindMark, voteResultLines } from './minutes-markdown.js';

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

  it('writes one dot and one voter in the singular, and lever options in the reader’s language', () => {
    const dots = {
      voters: 1,
      options: [{ key: 'inter_collectivite', label: 'Développer les coopérations inter-collectivités', dots: 1, meanScore: null, scores: 0 }],
    };
    expect(voteResultLines('dot', dots as never, 'fr', (t) => t)).toEqual(['1 votant·e', 'Développer les coopérations inter-collectivités : 1 gommette']);
    expect(voteResultLines('dot', dots as never, 'en', (t) => t)).toEqual(['1 voter', 'Develop cooperation between local authorities: 1 dot']);
    const many = { voters: 3, options: [{ key: 'x', label: 'Tiers-lieu', dots: 4, meanScore: null, scores: 0 }] };
    expect(voteResultLines('dot', many as never, 'fr', (t) => t)).toEqual(['3 votant·es', 'Tiers-lieu : 4 gommettes']);
  });
});

describe('who took part, in the minutes', () => {
  it('marks participants without an account and guests, not members, in the reader’s language', () => {
    expect(personKindMark('participant', 'fr')).toBe(' (participant·e sans compte)');
    expect(personKindMark('guest', 'fr')).toBe(' (invité·e externe)');
    expect(personKindMark('participant', 'en')).toBe(' (participant without an account)');
    expect(personKindMark('guest', 'en')).toBe(' (external guest)');
    expect(personKindMark('member', 'fr')).toBe('');
    expect(personKindMark(undefined, 'en')).toBe('');
  });
});
