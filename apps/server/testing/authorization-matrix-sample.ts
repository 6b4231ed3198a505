import { type Row, ok, signedIn } from './authorization-matrix-rows.js';

/** A selection no one owns: to everyone it does not exist (ownership itself is tested in sample.int-spec.ts). */
const NO_SELECTION = '00000000-0000-4000-8000-00000000000a';

/** The sample builder's routes in the authorisation matrix: over each caller's own scope, selections private to their owner. */
export const SAMPLE_MATRIX: Record<string, Row> = {
  'POST /api/sample/coverage': { path: () => '/api/sample/coverage', body: () => ({}), expected: signedIn(ok) },
  'GET /api/sample/poles': { path: () => '/api/sample/poles?q=p', expected: signedIn(ok) },
  'GET /api/sample/selections': { path: () => '/api/sample/selections', expected: signedIn(ok) },
  'POST /api/sample/selections': {
    path: () => '/api/sample/selections',
    body: (_f, actor) => ({ name: `Sélection de ${actor}`, poleIds: [] }),
    expected: signedIn(201),
  },
  'GET /api/sample/selections/:selectionId': { path: () => `/api/sample/selections/${NO_SELECTION}`, expected: signedIn(404) },
  'PUT /api/sample/selections/:selectionId': {
    path: () => `/api/sample/selections/${NO_SELECTION}`,
    body: () => ({ name: 'Renommée', poleIds: [] }),
    expected: signedIn(404),
  },
  'DELETE /api/sample/selections/:selectionId': { path: () => `/api/sample/selections/${NO_SELECTION}`, expected: signedIn(404) },
};
