import { defineVocabulary } from './vocabulary.js';

/**
 * Coopération › taille: the number of member structures, in bands around the study's median pole (14 structures),
 * so that a sample can show « une diversité de » sizes as for the other fields of the grid.
 */
export const CooperationSize = defineVocabulary('cooperationSize', {
  small: { fr: 'Moins de 10 structures', en: 'Fewer than 10 structures' },
  medium: { fr: '10 à 19 structures', en: '10 to 19 structures' },
  large: { fr: '20 à 49 structures', en: '20 to 49 structures' },
  very_large: { fr: '50 structures ou plus', en: '50 structures or more' },
});
export type CooperationSize = (typeof CooperationSize.keys)[number];

/** The size band of a number of member structures (the SQL of the coverage uses the same bounds). */
export function cooperationSizeOf(memberStructures: number): CooperationSize {
  if (memberStructures < 10) return 'small';
  if (memberStructures < 20) return 'medium';
  if (memberStructures < 50) return 'large';
  return 'very_large';
}

/** The fields of the characterisation grid a sample is chosen along (the study's « critères d'échantillonnage »). */
export const SampleField = defineVocabulary('sampleField', {
  collectivite_levels: { fr: 'Types de collectivités impliquées', en: 'Kinds of local authorities involved' },
  collectivite_services: { fr: 'Services mobilisés', en: 'Services involved' },
  legal_form: { fr: 'Forme juridique de la structure porteuse', en: 'Legal form of the lead structure' },
  stage: { fr: "État d'avancement", en: 'Stage' },
  perimeter: { fr: "Périmètre d'intervention", en: 'Area of action' },
  implantation: { fr: 'Implantation', en: 'Setting' },
  size: { fr: 'Taille (nombre de structures impliquées)', en: 'Size (number of structures involved)' },
  structure_kinds: { fr: 'Qualité des structures impliquées', en: 'Kinds of structures involved' },
  sectors: { fr: "Secteur d'activité", en: 'Sector' },
  activity_natures: { fr: "Nature d'activité", en: 'Nature of activity' },
});
export type SampleField = (typeof SampleField.keys)[number];
