import { defineVocabulary } from './vocabulary.js';

export const LegalForm = defineVocabulary('legalForm', {
  association: { fr: 'Associative', en: 'Association' },
  cooperative: { fr: 'Coopérative (SCIC, SCOP…)', en: 'Cooperative (SCIC, SCOP…)' },
});
export type LegalForm = (typeof LegalForm.keys)[number];

/** État d'avancement of a pole. */
export const PoleStage = defineVocabulary('poleStage', {
  prefiguration: { fr: 'Préfiguration', en: 'Prefiguration' },
  seeding: { fr: 'Amorce', en: 'Seeding' },
  development: { fr: 'Développement', en: 'Development' },
  sustainability: { fr: 'Pérennisation', en: 'Sustainability' },
});
export type PoleStage = (typeof PoleStage.keys)[number];

/** Périmètre d'intervention. */
export const Perimeter = defineVocabulary('perimeter', {
  intercommunality: { fr: 'Intercommunalité', en: 'Inter-municipality' },
  pays_parc: { fr: 'Pays / Parc', en: 'Pays / regional park' },
  department: { fr: 'Département', en: 'Department' },
  region: { fr: 'Région', en: 'Region' },
});
export type Perimeter = (typeof Perimeter.keys)[number];

export const Implantation = defineVocabulary('implantation', {
  urban: { fr: 'Urbaine', en: 'Urban' },
  periurban: { fr: 'Péri-urbaine', en: 'Peri-urban' },
  rural: { fr: 'Rurale', en: 'Rural' },
});
export type Implantation = (typeof Implantation.keys)[number];

/** Qualité des structures impliquées (also the kind of a member structure). */
export const StructureKind = defineVocabulary('structureKind', {
  private: { fr: 'Privés', en: 'Private' },
  public: { fr: 'Publics', en: 'Public' },
  social_economy: { fr: 'ESS', en: 'Social and solidarity economy' },
  institution: { fr: 'Institutions', en: 'Institutions' },
  research: { fr: 'Centres de recherche', en: 'Research centres' },
  training: { fr: 'Formation', en: 'Training' },
});
export type StructureKind = (typeof StructureKind.keys)[number];

export const Sector = defineVocabulary('sector', {
  environment: { fr: 'Environnement', en: 'Environment' },
  social: { fr: 'Social', en: 'Social' },
  culture: { fr: 'Culture', en: 'Culture' },
  services: { fr: 'Services', en: 'Services' },
  industry: { fr: 'Industrie', en: 'Industry' },
});
export type Sector = (typeof Sector.keys)[number];

export const ActivityNature = defineVocabulary('activityNature', {
  goods_and_services: { fr: 'Production de biens et services', en: 'Production of goods and services' },
  training: { fr: 'Formation', en: 'Training' },
  skills_management: { fr: 'Gestion des compétences', en: 'Skills management' },
});
export type ActivityNature = (typeof ActivityNature.keys)[number];

/** The five entries of the characterisation grid (diagnostic sections, profile form). */
export const GridEntry = defineVocabulary('gridEntry', {
  collectivites: { fr: 'Collectivités et services mobilisés', en: 'Local authorities and services involved' },
  pole: { fr: "Forme juridique et état d'avancement", en: 'Legal form and stage' },
  territory: { fr: 'Territoire', en: 'Territory' },
  cooperation: { fr: 'Coopération', en: 'Cooperation' },
  economy: { fr: 'Économie', en: 'Economy' },
});
export type GridEntry = (typeof GridEntry.keys)[number];
