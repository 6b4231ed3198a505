import type { Widen } from '../i18n/widen';
import type { FrUiStrings } from './ui-strings';
import { en } from '../i18n/en';
import { enAuth } from '../features/auth/en-auth';
import { enCollab } from '../features/collab/en-collab';
import { enDiagnostic } from '../features/diagnostic/en-diagnostic';
import { enGuide } from '../features/guide/en-guide';
import { enInvitations } from '../features/invitations/en-invitations';
import { enNotificationBell } from '../features/notifications/en-notification-bell';
import { enNotifications } from '../features/notifications/en-notifications';
import { enObservatory } from '../features/observatory/en-observatory';
import { enSample } from '../features/observatory/sample/en-sample';
import { enObservatoryMap } from '../features/observatory/en-observatory-map';
import { enProjects } from '../features/projects/en-projects';
import { enSessions } from '../features/sessions/en-sessions';
import { enSessionJoin } from '../features/session-join/en-session-join';
import { enSpaces } from '../features/spaces/en-spaces';
import { enSurvey } from '../features/survey/en-survey';

/** The same keys in English (each part is already checked against its French reference). */
export const enUiStrings: Widen<FrUiStrings> = {
  ...en,
  ...enAuth,
  ...enSpaces,
  ...enInvitations,
  ...enProjects,
  ...enCollab,
  ...enSessions,
  ...enSessionJoin,
  ...enObservatory,
  ...enSample,
  ...enObservatoryMap,
  ...enDiagnostic,
  ...enGuide,
  ...enSurvey,
  ...enNotificationBell,
  ...enNotifications,
};
