import { frDiagnostic } from '../features/diagnostic/fr-diagnostic';
import { frGuide } from '../features/guide/fr-guide';
import { frNotifications } from '../features/notifications/fr-notifications';
import { frObservatory } from '../features/observatory/fr-observatory';
import { frSample } from '../features/observatory/sample/fr-sample';
import { frObservatoryMap } from '../features/observatory/fr-observatory-map';
import { frProjects } from '../features/projects/fr-projects';
import { frSessions } from '../features/sessions/fr-sessions';
import { frSessionJoin } from '../features/session-join/fr-session-join';
import { frSurvey } from '../features/survey/fr-survey';

/**
 * The French strings of the areas past the spaces list: a chunk the router loads with a space's pages, a live
 * session's and the observatory (`loadAreaStrings`), so the first page does not carry them.
 */
export const frAreaStrings = {
  ...frProjects,
  ...frSessions,
  ...frSessionJoin,
  ...frObservatory,
  ...frSample,
  ...frObservatoryMap,
  ...frDiagnostic,
  ...frGuide,
  ...frSurvey,
  ...frNotifications,
} as const;
