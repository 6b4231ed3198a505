import { ALL_VOCABULARIES, CollectiviteLevel, LOCALES, Lever, labelOf, roleAtLeast } from '../index.js';

describe('vocabulary', () => {
  it.each(ALL_VOCABULARIES.map((v) => [v.name, v] as const))('%s has a non-empty French and English label for every key', (_name, vocabulary) => {
    expect(vocabulary.keys.length).toBeGreaterThan(0);
    for (const key of vocabulary.keys) {
      for (const locale of LOCALES) {
        const label = (vocabulary.labels as Record<string, Record<string, string>>)[key][locale];
        expect(typeof label).toBe('string');
        expect(label.trim().length).toBeGreaterThan(0);
      }
    }
  });

  it('uses English identifiers as keys', () => {
    for (const vocabulary of ALL_VOCABULARIES) {
      for (const key of vocabulary.keys) expect(key).toMatch(/^[a-z][a-z0-9_]*$/);
    }
  });

  it('has vocabulary names that are unique', () => {
    const names = ALL_VOCABULARIES.map((v) => v.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('keeps the study wording verbatim in French', () => {
    expect(Lever.keys).toHaveLength(8);
    expect(labelOf(Lever, 'pedagogy')).toBe("Faire œuvre de pédagogie sur l'ESS");
    expect(labelOf(CollectiviteLevel, 'epci', 'fr')).toBe('Intercommunalité (EPCI)');
    expect(labelOf(CollectiviteLevel, 'state', 'en')).toBe('State');
  });

  it('rejects keys outside the vocabulary', () => {
    expect(CollectiviteLevel.schema.safeParse('region').success).toBe(true);
    expect(CollectiviteLevel.schema.safeParse('Région').success).toBe(false);
  });

  it('orders space roles', () => {
    expect(roleAtLeast('animateur', 'contributeur')).toBe(true);
    expect(roleAtLeast('contributeur', 'contributeur')).toBe(true);
    expect(roleAtLeast('observateur', 'contributeur')).toBe(false);
    expect(roleAtLeast(null, 'observateur')).toBe(false);
  });
});
