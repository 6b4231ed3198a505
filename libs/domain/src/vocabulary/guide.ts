import { defineVocabulary } from './vocabulary.js';

/** A testimony is written (brouillon), re-read by a contributeur (relu), then validated by an animateur (validé). */
export const TestimonyStatus = defineVocabulary('testimonyStatus', {
  draft: { fr: 'Brouillon', en: 'Draft' },
  reviewed: { fr: 'Relu', en: 'Reviewed' },
  validated: { fr: 'Validé', en: 'Validated' },
});
export type TestimonyStatus = (typeof TestimonyStatus.keys)[number];

/** A recommendation is proposed, debated, then retained or set aside (by an animateur, who is named with the date). */
export const RecommendationStatus = defineVocabulary('recommendationStatus', {
  proposed: { fr: 'Proposée', en: 'Proposed' },
  debated: { fr: 'Débattue', en: 'Debated' },
  retained: { fr: 'Retenue', en: 'Retained' },
  set_aside: { fr: 'Écartée', en: 'Set aside' },
});
export type RecommendationStatus = (typeof RecommendationStatus.keys)[number];

/** Where a recommendation comes from. */
export const RecommendationOrigin = defineVocabulary('recommendationOrigin', {
  direct: { fr: 'Rédigée directement', en: 'Written directly' },
  session_decision: { fr: 'Décision de séance', en: 'Session decision' },
  vote_result: { fr: 'Résultat de vote', en: 'Vote result' },
  diagnostic_section: { fr: 'Section du diagnostic', en: 'Diagnostic section' },
});
export type RecommendationOrigin = (typeof RecommendationOrigin.keys)[number];

/** What an analysis chapter is about: one stage, one lever, or a free subject. */
export const AnalysisScopeKind = defineVocabulary('analysisScopeKind', {
  stage: { fr: 'Une étape', en: 'A stage' },
  lever: { fr: 'Un levier', en: 'A lever' },
  free: { fr: 'Sujet libre', en: 'Free subject' },
});
export type AnalysisScopeKind = (typeof AnalysisScopeKind.keys)[number];

/** Key figures read live from the pole's projects and funding (a testimony records the value and when it was read). */
export const LiveMeasure = defineVocabulary('liveMeasure', {
  funding_total: { fr: 'Financements mobilisés', en: 'Funding raised' },
  projects_count: { fr: 'Projets partagés', en: 'Shared projects' },
  funders_count: { fr: 'Financeurs distincts', en: 'Distinct funders' },
});
export type LiveMeasure = (typeof LiveMeasure.keys)[number];
