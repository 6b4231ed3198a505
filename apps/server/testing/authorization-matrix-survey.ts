import { type Row, inSpace, ok, signedIn } from './authorization-matrix-rows.js';

/** A campaign no one opened: to everyone it does not exist (opening, answering and reminding are tested in survey.int-spec.ts). */
const NO_CAMPAIGN = '00000000-0000-4000-8000-00000000000c';

const emptyAnswers = () => ({
  facts: {
    foundedYear: null,
    cellBudgetCents: null,
    cellSelfFinancedPercent: null,
    cellFte: null,
    memberStructureCount: null,
    employeeCount: null,
    consolidatedBudgetCents: null,
  },
  funding: [],
  relations: [],
});

/**
 * The yearly survey's routes in the authorisation matrix: campaigns over each caller's own scope, private to their
 * opener (a space one does not belong to is 404, as if it did not exist); the form read by the space's members, answered by those
 * who may change the pole's profile (an observateur is refused before the campaign is looked up).
 */
export const SURVEY_MATRIX: Record<string, Row> = {
  'GET /api/observatory/surveys': { path: () => '/api/observatory/surveys', expected: signedIn(ok) },
  'POST /api/observatory/surveys': {
    path: () => '/api/observatory/surveys',
    body: (f, actor) => ({ year: 2014, title: `Enquête de ${actor}`, spaceIds: [f.spaceId] }),
    expected: inSpace(201, 201, 201),
  },
  'GET /api/observatory/surveys/:campaignId': { path: () => `/api/observatory/surveys/${NO_CAMPAIGN}`, expected: signedIn(404) },
  'POST /api/observatory/surveys/:campaignId/reminders': { path: () => `/api/observatory/surveys/${NO_CAMPAIGN}/reminders`, expected: signedIn(404) },
  'GET /api/spaces/:spaceId/surveys': { path: (f) => `/api/spaces/${f.spaceId}/surveys`, expected: inSpace(ok, ok, ok) },
  'GET /api/spaces/:spaceId/surveys/:campaignId': { path: (f) => `/api/spaces/${f.spaceId}/surveys/${NO_CAMPAIGN}`, expected: inSpace(404, 404, 404) },
  'PUT /api/spaces/:spaceId/surveys/:campaignId/draft': {
    path: (f) => `/api/spaces/${f.spaceId}/surveys/${NO_CAMPAIGN}/draft`,
    body: emptyAnswers,
    expected: inSpace(403, 404, 404),
  },
  'POST /api/spaces/:spaceId/surveys/:campaignId/submit': {
    path: (f) => `/api/spaces/${f.spaceId}/surveys/${NO_CAMPAIGN}/submit`,
    body: emptyAnswers,
    expected: inSpace(403, 404, 404),
  },
};
