import { defineVocabulary } from './vocabulary.js';

/** Stage of a shared project. */
export const ProjectStage = defineVocabulary('projectStage', {
  emergence: { fr: 'Émergence', en: 'Emergence' },
  seeding: { fr: 'Amorçage', en: 'Seeding' },
  development: { fr: 'Développement', en: 'Development' },
  sustainability: { fr: 'Pérennisation', en: 'Sustainability' },
});
export type ProjectStage = (typeof ProjectStage.keys)[number];

export const ProjectStatus = defineVocabulary('projectStatus', {
  under_study: { fr: "À l'étude", en: 'Under study' },
  ongoing: { fr: 'En cours', en: 'Ongoing' },
  suspended: { fr: 'Suspendu', en: 'Suspended' },
  completed: { fr: 'Terminé', en: 'Completed' },
  abandoned: { fr: 'Abandonné', en: 'Abandoned' },
});
export type ProjectStatus = (typeof ProjectStatus.keys)[number];

/** Public-policy frames a project is registered in. */
export const PolicyFrame = defineVocabulary('policyFrame', {
  feder: { fr: 'FEDER', en: 'ERDF (FEDER)' },
  fse: { fr: 'FSE', en: 'ESF (FSE)' },
  sri: { fr: 'SRI', en: 'Regional innovation strategy (SRI)' },
  srdeii: { fr: 'SRDEII', en: 'Regional economic development plan (SRDEII)' },
  sraddt: { fr: 'SRADDT', en: 'Regional planning scheme (SRADDT)' },
  city_contract: { fr: 'Contrat de ville', en: 'City contract' },
  crte: { fr: 'CRTE', en: 'Territorial recovery contract (CRTE)' },
  other: { fr: 'Autre cadre', en: 'Other frame' },
});
export type PolicyFrame = (typeof PolicyFrame.keys)[number];

export const PartnerRole = defineVocabulary('partnerRole', {
  carrier: { fr: 'Porteur', en: 'Project carrier' },
  partner: { fr: 'Partenaire', en: 'Partner' },
  funder: { fr: 'Financeur', en: 'Funder' },
  technical_support: { fr: 'Appui technique', en: 'Technical support' },
});
export type PartnerRole = (typeof PartnerRole.keys)[number];

/** What an indicator measures; `custom` indicators carry their own label and unit. */
export const IndicatorKind = defineVocabulary('indicatorKind', {
  jobs_created: { fr: 'Emplois créés', en: 'Jobs created' },
  fte: { fr: 'Équivalents temps plein (ETP)', en: 'Full-time equivalents (FTE)' },
  structures_involved: { fr: 'Structures impliquées', en: 'Organisations involved' },
  people_in_insertion: { fr: 'Personnes en insertion', en: 'People in work-integration' },
  turnover: { fr: "Chiffre d'affaires (€)", en: 'Turnover (€)' },
  budget: { fr: 'Budget (€)', en: 'Budget (€)' },
  custom: { fr: 'Indicateur libre', en: 'Custom indicator' },
});
export type IndicatorKind = (typeof IndicatorKind.keys)[number];

/** The indicators the observatory rolls up (custom ones have their own units and are not added together). */
export const ROLLED_UP_INDICATORS = ['jobs_created', 'fte', 'structures_involved', 'people_in_insertion', 'turnover', 'budget'] as const;
export type RolledUpIndicator = (typeof ROLLED_UP_INDICATORS)[number];

/**
 * Which figure of an indicator the observatory puts first, as the study does: totals for counts and money (« 22 000
 * emplois », « 1 500 entreprises », « 235 millions d'euros »), the median per pole for the staff of a cellule d'animation
 * (« 1,75 ETP »). Both are always computed.
 */
export const INDICATOR_HEADLINE: Record<RolledUpIndicator, 'total' | 'median'> = {
  jobs_created: 'total',
  fte: 'median',
  structures_involved: 'total',
  people_in_insertion: 'total',
  turnover: 'total',
  budget: 'total',
};
