import { defineVocabulary } from './vocabulary.js';

/** Level of a collectivité, or of a public funder (État, Europe, PNR/PETR). */
export const CollectiviteLevel = defineVocabulary('collectiviteLevel', {
  commune: { fr: 'Commune', en: 'Municipality' },
  epci: { fr: 'Intercommunalité (EPCI)', en: 'Inter-municipality (EPCI)' },
  department: { fr: 'Département', en: 'Department' },
  region: { fr: 'Région', en: 'Region' },
  state: { fr: 'État', en: 'State' },
  europe: { fr: 'Europe', en: 'Europe' },
  pnr_petr: { fr: 'PNR / PETR', en: 'Regional park / rural territory (PNR/PETR)' },
});
export type CollectiviteLevel = (typeof CollectiviteLevel.keys)[number];

/** Services of a collectivité mobilised around a pole. */
export const CollectiviteService = defineVocabulary('collectiviteService', {
  economy: { fr: 'Économie', en: 'Economy' },
  social_economy: { fr: 'ESS', en: 'Social and solidarity economy' },
  employment_inclusion: { fr: 'Emploi-insertion', en: 'Employment and inclusion' },
  sectoral: { fr: 'Sectorielle', en: 'Sector-specific' },
});
export type CollectiviteService = (typeof CollectiviteService.keys)[number];

/** Evolution of the relation between a collectivité and a pole over time. */
export const RelationEvolution = defineVocabulary('relationEvolution', {
  widening: { fr: 'Élargissement / consolidation', en: 'Widening / consolidation' },
  stable: { fr: 'Stable', en: 'Stable' },
  weakening: { fr: 'Fragilisation', en: 'Weakening' },
});
export type RelationEvolution = (typeof RelationEvolution.keys)[number];
