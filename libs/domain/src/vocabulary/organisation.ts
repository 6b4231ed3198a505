import { defineVocabulary } from './vocabulary.js';

export const OrganisationKind = defineVocabulary('organisationKind', {
  collectivite: { fr: 'Collectivité', en: 'Public authority' },
  ess_network: { fr: 'Tête de réseau ESS', en: 'Social economy network' },
  member_structure: { fr: 'Structure membre', en: 'Member organisation' },
});
export type OrganisationKind = (typeof OrganisationKind.keys)[number];
