import { defineVocabulary } from './vocabulary.js';

/** Roles in a concertation space; the server enforces them, the UI only reflects them. */
export const SpaceRole = defineVocabulary('spaceRole', {
  animateur: { fr: 'Animateur·rice', en: 'Facilitator' },
  contributeur: { fr: 'Contributeur·rice', en: 'Contributor' },
  observateur: { fr: 'Observateur·rice', en: 'Observer' },
});
export type SpaceRole = (typeof SpaceRole.keys)[number];

const RANK: Record<SpaceRole, number> = { observateur: 1, contributeur: 2, animateur: 3 };

/** True when `role` grants at least what `required` grants. */
export function roleAtLeast(role: SpaceRole | null | undefined, required: SpaceRole): boolean {
  return role != null && RANK[role] >= RANK[required];
}
