import type { Widen } from '../i18n/widen';
import { en } from '../i18n/en';
import { fr } from '../i18n/fr';
import { enAuth } from '../features/auth/en-auth';
import { frAuth } from '../features/auth/fr-auth';
import { enCollab } from '../features/collab/en-collab';
import { frCollab } from '../features/collab/fr-collab';
import { enDiagnostic } from '../features/diagnostic/en-diagnostic';
import { frDiagnostic } from '../features/diagnostic/fr-diagnostic';
import { enGuide } from '../features/guide/en-guide';
import { frGuide } from '../features/guide/fr-guide';
import { enInvitations } from '../features/invitations/en-invitations';
import { frInvitations } from '../features/invitations/fr-invitations';
import { enObservatory } from '../features/observatory/en-observatory';
import { frObservatory } from '../features/observatory/fr-observatory';
import { enProjects } from '../features/projects/en-projects';
import { frProjects } from '../features/projects/fr-projects';
import { enSessions } from '../features/sessions/en-sessions';
import { frSessions } from '../features/sessions/fr-sessions';
import { enSpaces } from '../features/spaces/en-spaces';
import { frSpaces } from '../features/spaces/fr-spaces';

/** Every UI string in French, the reference: the shared ones and each area's, one namespace (`t('area.key')`). */
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

/** The same keys in English (each part is already checked against its French reference). */
export const enUiStrings: Widen<typeof frUiStrings> = {
  ...en,
  ...enAuth,
  ...enSpaces,
  ...enInvitations,
  ...enProjects,
  ...enCollab,
  ...enSessions,
  ...enObservatory,
  ...enDiagnostic,
  ...enGuide,
};
