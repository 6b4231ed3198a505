import { fr } from '../i18n/fr';
import { frAuth } from '../features/auth/fr-auth';
import { frCollab } from '../features/collab/fr-collab';
import { frInvitations } from '../features/invitations/fr-invitations';
import { frNotificationBell } from '../features/notifications/fr-notification-bell';
import { frSpaces } from '../features/spaces/fr-spaces';
import type { frAreaStrings } from './ui-strings-areas';

/**
 * The French UI strings of the first pages (the shared ones, signing in and up, the profile, the spaces list and a
 * space's shell, invitations, the co-editing status): bundled in the entry, one namespace (`t('area.key')`). The
 * other areas' French strings (`ui-strings-areas.ts`) come with their pages, the English ones (`ui-strings-en.ts`)
 * when English is asked for.
 */
export const frCoreStrings = {
  ...fr,
  ...frAuth,
  ...frSpaces,
  ...frInvitations,
  ...frCollab,
  ...frNotificationBell,
} as const;

/** Every UI string in French, the reference for the keys' types and for the English strings. */
export type FrUiStrings = typeof frCoreStrings & typeof frAreaStrings;
