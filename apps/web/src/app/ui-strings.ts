import { fr } from '../i18n/fr';
import { frAuth } from '../features/auth/fr-auth';
import { frCollab } from '../features/collab/fr-collab';
import { frDiagnostic } from '../features/diagnostic/fr-diagnostic';
import { frGuide } from '../features/guide/fr-guide';
import { frInvitations } from '../features/invitations/fr-invitations';
import { frObservatory } from '../features/observatory/fr-observatory';
import { frProjects } from '../features/projects/fr-projects';
import { frSessions } from '../features/sessions/fr-sessions';
import { frSpaces } from '../features/spaces/fr-spaces';

/**
 * Every UI string in French, the reference (bundled in the first page; the English ones, `ui-strings-en.ts`, are a
 * chunk loaded when English is asked for): the shared ones and each area's, one namespace (`t('area.key')`). */
export const frUiStrings = {
  ...fr,
  ...frAuth,
  ...frSpaces,
  ...frInvitations,
  ...frProjects,
  ...frCollab,
  ...frSessions,
  ...frObservatory,
  ...frDiagnostic,
  ...frGuide,
} as const;
