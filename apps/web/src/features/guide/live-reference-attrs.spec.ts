import { describe, expect, it } from '@jest/globals';
import { ALL_VOCABULARIES, type Vocabulary } from '@concerto/domain';
import { createInstance, type TFunction } from 'i18next';
import { enGuide } from './en-guide';
import { frGuide } from './fr-guide';
import { buildReference, emptyChoices, labelParts, referenceOfNode, referenceQuery, staleReferences, type ReferenceChoices } from './live-reference-attrs';
import { referenceLabel } from './live-reference-label';

const TESTIMONY = '0b5a3f1e-6c1d-4b7a-9a37-2f1e8d9c4b10';
const choices = (patch: Partial<ReferenceChoices>): ReferenceChoices => ({ ...emptyChoices(patch.kind), ...patch });

function translator(language: 'fr' | 'en'): TFunction {
  const vocab = Object.fromEntries(
    (ALL_VOCABULARIES as readonly Vocabulary<string>[]).map((v) => [v.name, Object.fromEntries(v.keys.map((k) => [k, v.labels[k][language]]))]),
  );
  const i18n = createInstance();
  void i18n.init({
    lng: language,
    initAsync: false,
    interpolation: { escapeValue: false },
    resources: { [language]: { translation: { ...(language === 'fr' ? frGuide : enGuide), vocab } } },
  });
  return i18n.t;
}

describe('live reference attributes from the insert dialog', () => {
  it('keeps only what the kind uses, absent values left out', () => {
    expect(buildReference(choices({ kind: 'funding_table', from: '2021', to: '2024', target: TESTIMONY, filterBy: 'lever', lever: 'pedagogy' }))).toEqual({
      ok: true,
      attributes: { kind: 'funding_table', from: 2021, to: 2024 },
    });
    expect(buildReference(choices({ kind: 'panorama', from: ' ', to: '' }))).toEqual({ ok: true, attributes: { kind: 'panorama' } });
    expect(buildReference(choices({ kind: 'testimony', target: TESTIMONY, from: '2020' }))).toEqual({
      ok: true,
      attributes: { kind: 'testimony', target: TESTIMONY },
    });
    expect(buildReference(choices({ kind: 'poles', target: TESTIMONY }))).toEqual({ ok: true, attributes: { kind: 'poles' } });
  });

  it('makes the filter of a stage or a lever, and none when « À tout » is chosen', () => {
    expect(buildReference(choices({ kind: 'testimonies', filterBy: 'stage', stage: 'detection' }))).toEqual({
      ok: true,
      attributes: { kind: 'testimonies', filter: 'stage:detection' },
    });
    expect(buildReference(choices({ kind: 'recommendations', filterBy: 'lever', lever: 'inter_collectivite', stage: 'detection' }))).toEqual({
      ok: true,
      attributes: { kind: 'recommendations', filter: 'lever:inter_collectivite' },
    });
    expect(buildReference(choices({ kind: 'analyses', filterBy: '', lever: 'pedagogy' }))).toEqual({ ok: true, attributes: { kind: 'analyses' } });
  });

  it('names what is missing or wrong, field by field', () => {
    expect(buildReference(choices({ kind: 'testimony' }))).toEqual({ ok: false, errors: { target: 'targetMissing' } });
    expect(buildReference(choices({ kind: 'testimonies', filterBy: 'stage' }))).toEqual({ ok: false, errors: { filter: 'stageMissing' } });
    expect(buildReference(choices({ kind: 'recommendations', filterBy: 'lever' }))).toEqual({ ok: false, errors: { filter: 'leverMissing' } });
    expect(buildReference(choices({ kind: 'funding_table', from: '20x1', to: '1850' }))).toEqual({
      ok: false,
      errors: { from: 'yearInvalid', to: 'yearInvalid' },
    });
    expect(buildReference(choices({ kind: 'funding_table', from: '2024', to: '2021' }))).toEqual({ ok: false, errors: { to: 'yearsOrder' } });
    // Not a uuid: refused by the contract rather than stored.
    expect(buildReference(choices({ kind: 'recommendation', target: 'javascript:alert(1)' })).ok).toBe(false);
  });

  it('reads a node’s attributes back, years given as digits after a paste, and refuses invalid ones', () => {
    expect(referenceOfNode({ kind: 'funding_table', target: null, filter: null, from: '2021', to: 2023 })).toEqual({
      kind: 'funding_table',
      from: 2021,
      to: 2023,
    });
    expect(referenceOfNode({ kind: 'testimonies', filter: 'lever:pedagogy' })).toEqual({ kind: 'testimonies', filter: 'lever:pedagogy' });
    expect(referenceOfNode({ kind: 'nonsense' })).toBeNull();
    expect(referenceOfNode({ kind: 'testimonies', filter: 'lever:<script>' })).toBeNull();
    expect(referenceOfNode({ kind: null })).toBeNull();
  });

  it('asks the server in a fixed order, which is also the cache key', () => {
    expect(referenceQuery({ kind: 'funding_table', to: 2024, from: 2021 })).toBe('kind=funding_table&from=2021&to=2024');
    expect(referenceQuery({ kind: 'testimonies', filter: 'stage:detection' })).toBe('kind=testimonies&filter=stage%3Adetection');
    expect(referenceQuery({ kind: 'testimony', target: TESTIMONY })).toBe(`kind=testimony&target=${TESTIMONY}`);
  });

  it('splits a reference into the parts of its label', () => {
    expect(labelParts({ kind: 'recommendations', filter: 'lever:pedagogy' })).toEqual({
      kind: 'recommendations',
      filter: { by: 'lever', key: 'pedagogy' },
      years: null,
    });
    expect(labelParts({ kind: 'funding_table', from: 2021 })).toEqual({ kind: 'funding_table', filter: null, years: { from: 2021, to: null } });
  });
});

describe('live references and change notices', () => {
  it('reads every reference again when what they read changes, those of analyses when text changes, none otherwise', () => {
    for (const entity of ['testimony', 'recommendation', 'analysis', 'project', 'funding_line', 'pole'] as const) expect(staleReferences(entity)).toBe('all');
    expect(staleReferences('guide')).toBe('text');
    for (const entity of ['guide_version', 'comment', 'session', 'member'] as const) expect(staleReferences(entity)).toBe('none');
  });
});

describe('live reference labels', () => {
  const fr = translator('fr');
  const en = translator('en');

  it('words a reference in French, French typography included', () => {
    expect(referenceLabel(fr, { kind: 'funding_table', from: 2021, to: 2024 })).toBe('Tableau des financements, de 2021 à 2024');
    expect(referenceLabel(fr, { kind: 'panorama', to: 2024 })).toBe('Panorama (chiffres clés), jusqu’à 2024');
    expect(referenceLabel(fr, { kind: 'testimonies', filter: 'lever:pedagogy' })).toBe("Témoignages validés, levier « Faire œuvre de pédagogie sur l'ESS »");
    expect(referenceLabel(fr, { kind: 'testimony', target: TESTIMONY }, 'La Fabrique')).toBe('Un témoignage « La Fabrique »');
    expect(referenceLabel(fr, { kind: 'poles' })).toBe('Le territoire et le pôle (grille de caractérisation)');
  });

  it('words it in English', () => {
    expect(referenceLabel(en, { kind: 'funding_table', from: 2021 })).toBe('Funding table, since 2021');
    expect(referenceLabel(en, { kind: 'recommendations', filter: 'stage:detection' })).toMatch(/^Retained recommendations, stage “.+”$/);
    expect(referenceLabel(en, { kind: 'analysis', target: TESTIMONY }, 'Chapter one')).toBe('One analysis chapter “Chapter one”');
  });
});
