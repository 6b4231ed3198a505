import { ANCHOR, type Fixture } from './authorization-matrix-fixture.js';
import { type Row, inSpace, ok, writerOf } from './authorization-matrix-rows.js';

const testimony = (f: Fixture) => `/api/spaces/${f.spaceId}/testimonies/${f.guide.testimonyId}`;
const recommendation = (f: Fixture) => `/api/spaces/${f.spaceId}/recommendations/${f.guide.recommendationId}`;

/** The guide's routes in the authorisation matrix: testimonies, recommendations, analyses. */
export const GUIDE_MATRIX: Record<string, Row> = {
  'GET /api/spaces/:spaceId/testimonies': { path: (f) => `/api/spaces/${f.spaceId}/testimonies`, expected: inSpace(ok, ok, ok) },
  'POST /api/spaces/:spaceId/testimonies': {
    path: (f) => `/api/spaces/${f.spaceId}/testimonies`,
    body: (_f, actor) => ({ title: `Témoignage de ${actor}` }),
    expected: inSpace(403, 201, 201),
  },
  'GET /api/spaces/:spaceId/testimonies/:testimonyId': { path: testimony, expected: inSpace(ok, ok, ok) },
  'PATCH /api/spaces/:spaceId/testimonies/:testimonyId': {
    path: testimony,
    // Saving the current values leaves the version as it is, so both allowed callers succeed.
    body: () => ({ version: 1, title: 'Témoignage de la matrice' }),
    expected: inSpace(403, ok, ok),
  },
  'DELETE /api/spaces/:spaceId/testimonies/:testimonyId': {
    // Each writer deletes a draft of its own.
    path: (f, actor) => `/api/spaces/${f.spaceId}/testimonies/${f.guide.testimonyToDelete[writerOf(actor)]}`,
    expected: inSpace(403, 204, 204),
  },
  'POST /api/spaces/:spaceId/testimonies/:testimonyId/status': {
    path: (f) => `${testimony(f)}/status`,
    body: () => ({ status: 'draft', version: 1 }),
    expected: inSpace(403, ok, ok),
  },
  'GET /api/spaces/:spaceId/testimonies/:testimonyId/comments': { path: (f) => `${testimony(f)}/comments`, expected: inSpace(ok, ok, ok) },
  'POST /api/spaces/:spaceId/testimonies/:testimonyId/comments': {
    path: (f) => `${testimony(f)}/comments`,
    body: () => ({ sectionId: 'story', anchor: ANCHOR, body: 'Remarque' }),
    // Every member comments a testimony, observateurs included.
    expected: inSpace(201, 201, 201),
  },
  'PATCH /api/spaces/:spaceId/testimonies/:testimonyId/comments/:commentId': {
    path: (f) => `${testimony(f)}/comments/${f.guide.testimonyCommentId}`,
    // The animateur's thread: writers resolve it, an observateur only their own.
    body: () => ({ resolved: true }),
    expected: inSpace(403, ok, ok),
  },
  'DELETE /api/spaces/:spaceId/testimonies/:testimonyId/comments/:commentId': {
    path: (f) => `${testimony(f)}/comments/${f.guide.testimonyCommentToDelete}`,
    expected: inSpace(403, 403, 204),
  },
  'POST /api/sessions/:sessionId/testimonies': {
    path: (f) => `/api/sessions/${f.sessionId}/testimonies`,
    // Each allowed caller turns a contribution of its own into a testimony (a second call would be a 409).
    body: (f, actor) => ({ noteId: f.guide.testimonyNotes[writerOf(actor)] }),
    expected: inSpace(403, 201, 201),
  },
  'GET /api/spaces/:spaceId/recommendations': { path: (f) => `/api/spaces/${f.spaceId}/recommendations`, expected: inSpace(ok, ok, ok) },
  'POST /api/spaces/:spaceId/recommendations': {
    path: (f) => `/api/spaces/${f.spaceId}/recommendations`,
    body: (_f, actor) => ({ statement: `Préconisation de ${actor}` }),
    expected: inSpace(403, 201, 201),
  },
  'GET /api/spaces/:spaceId/recommendation-origins': { path: (f) => `/api/spaces/${f.spaceId}/recommendation-origins`, expected: inSpace(403, ok, ok) },
  'GET /api/spaces/:spaceId/recommendations/:recommendationId': { path: recommendation, expected: inSpace(ok, ok, ok) },
  'PATCH /api/spaces/:spaceId/recommendations/:recommendationId': {
    path: recommendation,
    body: () => ({ version: 1, statement: 'Préconisation de la matrice' }),
    expected: inSpace(403, ok, ok),
  },
  'DELETE /api/spaces/:spaceId/recommendations/:recommendationId': {
    // Each writer deletes a proposal of its own.
    path: (f, actor) => `/api/spaces/${f.spaceId}/recommendations/${f.guide.recommendationToDelete[writerOf(actor)]}`,
    expected: inSpace(403, 204, 204),
  },
  'POST /api/spaces/:spaceId/recommendations/:recommendationId/status': {
    path: (f) => `${recommendation(f)}/status`,
    body: () => ({ status: 'proposed', version: 1 }),
    expected: inSpace(403, ok, ok),
  },
  'POST /api/sessions/:sessionId/recommendation-votes': {
    path: (f) => `/api/sessions/${f.sessionId}/recommendation-votes`,
    body: (f) => ({ recommendationIds: f.guide.recommendationsToVote, title: 'Priorités du guide', kind: 'dot' }),
    expected: inSpace(403, 403, 201),
  },
  'GET /api/spaces/:spaceId/analyses': { path: (f) => `/api/spaces/${f.spaceId}/analyses`, expected: inSpace(ok, ok, ok) },
  'POST /api/spaces/:spaceId/analyses': {
    path: (f) => `/api/spaces/${f.spaceId}/analyses`,
    body: (_f, actor) => ({ title: `Analyse de ${actor}`, scope: { kind: 'lever', lever: 'pedagogy' } }),
    expected: inSpace(403, 201, 201),
  },
  'PATCH /api/spaces/:spaceId/analyses/:analysisId': {
    path: (f) => `/api/spaces/${f.spaceId}/analyses/${f.guide.analysisId}`,
    body: () => ({ title: 'Analyse renommée' }),
    expected: inSpace(403, ok, ok),
  },
  'DELETE /api/spaces/:spaceId/analyses/:analysisId': {
    path: (f) => `/api/spaces/${f.spaceId}/analyses/${f.guide.analysisToDelete}`,
    expected: inSpace(403, 403, 204),
  },
};
