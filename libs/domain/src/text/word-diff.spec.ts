import { wordDiff } from '../index.js';

describe('wordDiff', () => {
  it('marks added and removed words and keeps the rest', () => {
    expect(wordDiff('Le pôle réunit 24 structures', 'Le pôle réunit désormais 30 structures')).toEqual([
      { op: 'same', text: 'Le pôle réunit ' },
      { op: 'removed', text: '24' },
      { op: 'added', text: 'désormais 30' },
      { op: 'same', text: ' structures' },
    ]);
  });
  it('handles empty sides', () => {
    expect(wordDiff('', 'Nouveau texte')).toEqual([{ op: 'added', text: 'Nouveau texte' }]);
    expect(wordDiff('Ancien', '')).toEqual([{ op: 'removed', text: 'Ancien' }]);
    expect(wordDiff('', '')).toEqual([]);
  });
  it('rebuilds both texts from its runs, also on long texts', () => {
    const before = Array.from({ length: 3000 }, (_, i) => `mot${i % 97}`).join(' ');
    const after = before.replace(/mot5 /g, 'terme ').concat(' fin');
    const runs = wordDiff(before, after);
    expect(
      runs
        .filter((r) => r.op !== 'added')
        .map((r) => r.text)
        .join(''),
    ).toBe(before);
    expect(
      runs
        .filter((r) => r.op !== 'removed')
        .map((r) => r.text)
        .join(''),
    ).toBe(after);
  });
});
