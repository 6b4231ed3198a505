import type { VoteResults } from '@concerto/domain';
import { voteResultFor, voterCount } from './vote-result-wording.js';

const results = (options: [string, number, number | null, number][], consent: VoteResults['consent'] = null, voters = 10): VoteResults => ({
  voters,
  options: options.map(([key, dots, meanScore, scores]) => ({ key, label: key, dots, meanScore, scores })),
  consent,
  objections: [],
});

describe('a recommendation’s result in a closed vote', () => {
  it('words dots with the total and the rank, in French and English', () => {
    const dots = results([
      ['a', 12, null, 0],
      ['b', 9, null, 0],
      ['c', 9, null, 0],
      ['d', 0, null, 0],
    ]);
    expect(voteResultFor('dot', dots, 'a', 'fr')).toBe('12 gommettes sur 30 (1re sur 4)');
    expect(voteResultFor('dot', dots, 'c', 'fr')).toBe('9 gommettes sur 30 (2e sur 4)');
    expect(voteResultFor('dot', dots, 'd', 'en')).toBe('0 dots out of 30 (4th of 4)');
    expect(voteResultFor('dot', dots, 'b', 'en')).toBe('9 dots out of 30 (2nd of 4)');
    expect(voteResultFor('dot', dots, 'unknown', 'fr')).toBeNull();
  });

  it('words scores with the mean (decimal comma in French) and the rank', () => {
    const scores = results([
      ['a', 0, 3.25, 4],
      ['b', 0, 4.5, 2],
      ['c', 0, null, 0],
    ]);
    expect(voteResultFor('score', scores, 'a', 'fr')).toBe('moyenne 3,3 / 5, 4 notes (2e sur 3)');
    expect(voteResultFor('score', scores, 'b', 'en')).toBe('mean 4.5 / 5, 2 scores (1st of 3)');
    expect(voteResultFor('score', scores, 'c', 'fr')).toBe('aucune note (sur 3)');
  });

  it('words a consent vote by its answers', () => {
    const consent = results([], { agree: 7, abstain: 1, disagree: 1, objection: 1 });
    expect(voteResultFor('consent', consent, 'any', 'fr')).toBe("D'accord : 7, Abstention : 1, Pas d'accord : 1, Objection : 1 (10 votant·es)");
    expect(voteResultFor('consent', consent, 'any', 'en')).toBe('Agree: 7, Abstain: 1, Disagree: 1, Objection: 1 (10 voters)');
  });

  it('counts voters with proper plurals: 0 and 1 singular in French, only 1 in English', () => {
    const one = results([], { agree: 1, abstain: 0, disagree: 0, objection: 0 }, 1);
    expect(voteResultFor('consent', one, 'any', 'fr')).toBe("D'accord : 1, Abstention : 0, Pas d'accord : 0, Objection : 0 (1 votant·e)");
    expect(voteResultFor('consent', one, 'any', 'en')).toBe('Agree: 1, Abstain: 0, Disagree: 0, Objection: 0 (1 voter)');
    expect([0, 1, 2, 10].map((n) => voterCount(n, 'fr'))).toEqual(['0 votant·e', '1 votant·e', '2 votant·es', '10 votant·es']);
    expect([0, 1, 2].map((n) => voterCount(n, 'en'))).toEqual(['0 voters', '1 voter', '2 voters']);
  });
});
