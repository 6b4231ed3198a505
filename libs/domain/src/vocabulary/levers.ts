import { defineVocabulary } from './vocabulary.js';

/** The 8 leviers for collectivités; diagnostics and votes are organised around them. */
export const Lever = defineVocabulary('lever', {
  pedagogy: {
    fr: "Faire œuvre de pédagogie sur l'ESS",
    en: 'Explain the social and solidarity economy',
  },
  contractual_frameworks: {
    fr: 'Inscrire les PTCE, et plus largement le soutien à la coopération économique territoriale, dans les différents cadres contractuels',
    en: 'Write PTCEs, and support for territorial economic cooperation, into contractual frameworks',
  },
  internal_transversality: {
    fr: "Organiser la transversalité à l'intérieur des collectivités",
    en: 'Organise cross-department work inside local authorities',
  },
  inter_collectivite: {
    fr: 'Développer les coopérations inter-collectivités',
    en: 'Develop cooperation between local authorities',
  },
  networks_concertation: {
    fr: "Impliquer les têtes de réseaux et les acteurs de l'ESS dans des démarches de concertation territoriales pérennes",
    en: 'Involve social economy networks and actors in lasting territorial concertation',
  },
  urban_projects: {
    fr: "S'appuyer sur les projets d'aménagement urbain, d'investissement et de mutualisation immobilière",
    en: 'Build on urban development, investment and shared real-estate projects',
  },
  employment_coordination: {
    fr: "Soutenir l'emploi et les fonctions de coordination et de recherche et développement des projets",
    en: 'Support jobs and the coordination and R&D functions of projects',
  },
  skills_support: {
    fr: 'Accompagner les démarches en mobilisant les compétences',
    en: 'Support initiatives by mobilising skills',
  },
});
export type Lever = (typeof Lever.keys)[number];

/** Stages where collectivités contribute to a pole's life. */
export const SupportStage = defineVocabulary('supportStage', {
  detection: { fr: 'Repérage et émergence', en: 'Detection and emergence' },
  support: { fr: 'Accompagnement', en: 'Support' },
  public_policy: { fr: 'Inscription dans les politiques publiques', en: 'Inclusion in public policies' },
  collective_facilitation: { fr: 'Animation des démarches collectives', en: 'Facilitation of collective initiatives' },
  transversality: { fr: 'Transversalité', en: 'Cross-department work' },
  place: { fr: 'Lieu', en: 'Place' },
  rural: { fr: 'Spécificités du milieu rural', en: 'Rural specificities' },
});
export type SupportStage = (typeof SupportStage.keys)[number];
