import { defineVocabulary } from './vocabulary.js';

/** Progress of a diagnostic section. */
export const SectionStatus = defineVocabulary('sectionStatus', {
  to_complete: { fr: 'À compléter', en: 'To complete' },
  in_progress: { fr: 'En cours', en: 'In progress' },
  to_validate: { fr: 'À valider', en: 'To validate' },
  validated: { fr: 'Validé', en: 'Validated' },
});
export type SectionStatus = (typeof SectionStatus.keys)[number];

/** Why a version of the diagnostic was saved. */
export const VersionKind = defineVocabulary('versionKind', {
  auto: { fr: 'Enregistrement automatique', en: 'Automatic save' },
  manual: { fr: 'Version nommée', en: 'Named version' },
  session: { fr: 'Fin de séance de concertation', en: 'End of a concertation session' },
  restore: { fr: 'Avant restauration', en: 'Before a restore' },
});
export type VersionKind = (typeof VersionKind.keys)[number];
