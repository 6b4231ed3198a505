import type { Fixture } from './authorization-matrix-fixture.js';
import { type Row, inSpace, ok } from './authorization-matrix-rows.js';

const guide = (f: Fixture) => `/api/spaces/${f.spaceId}/guide`;

/** The guide document's routes in the authorisation matrix: the live view and the preview of a reference. */
export const GUIDE_DOCUMENT_MATRIX: Record<string, Row> = {
  'GET /api/spaces/:spaceId/guide': { path: guide, expected: inSpace(ok, ok, ok) },
  'GET /api/spaces/:spaceId/guide/reference': { path: (f) => `${guide(f)}/reference?kind=funding_table&from=2020`, expected: inSpace(ok, ok, ok) },
};
