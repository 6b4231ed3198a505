import { Lever, ProjectStage } from '@concerto/domain';
import { matchVocabulary, parseDay, parseEuros, splitList } from './csv-values.js';

describe('CSV values', () => {
  it('matches vocabulary keys and labels, ignoring accents and case', () => {
    expect(matchVocabulary(ProjectStage, 'Amorçage')).toBe('seeding');
    expect(matchVocabulary(ProjectStage, 'amorcage')).toBe('seeding');
    expect(matchVocabulary(ProjectStage, 'development')).toBe('development');
    expect(matchVocabulary(Lever, "faire oeuvre de pedagogie sur l'ess")).toBeUndefined(); // œ is not oe
    expect(matchVocabulary(ProjectStage, 'inconnu')).toBeUndefined();
  });
  it('reads euros the French way into cents', () => {
    expect(parseEuros('12 500,50')).toBe(1250050);
    expect(parseEuros('12500.5 €')).toBe(1250050);
    expect(parseEuros('30000')).toBe(3000000);
    expect(parseEuros('12,345')).toBeUndefined();
    expect(parseEuros('-5')).toBeUndefined();
    expect(parseEuros('abc')).toBeUndefined();
  });
  it('reads ISO and French dates', () => {
    expect(parseDay('2026-03-01')).toBe('2026-03-01');
    expect(parseDay('1/3/2026')).toBe('2026-03-01');
    expect(parseDay('')).toBeNull();
    expect(parseDay('mars 2026')).toBeUndefined();
  });
  it('splits lists on |', () => expect(splitList(' a | b ||c ')).toEqual(['a', 'b', 'c']));
});
