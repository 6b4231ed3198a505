// The sessions list, the live session page, its projection view and the minutes load as one chunk.
export { SessionsTab } from './sessions-tab';
export { SessionPage } from './session-page';
export { ProjectionPage } from './projection-page';
export { MinutesPage } from './minutes-page';
