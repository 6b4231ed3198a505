import type { Fixture } from './authorization-matrix-fixture.js';
import { type Row, all, inSpace, ok } from './authorization-matrix-rows.js';

const guide = (f: Fixture) => `/api/spaces/${f.spaceId}/guide`;
const version = (f: Fixture) => `${guide(f)}/versions/${f.guide.guideVersionId}`;

/**
 * The guide document's routes in the authorisation matrix: the live view, a reference's preview, the exports,
 * versions, the publication and the public page. In this order: the public rows read the fixture's publication
 * before the last row withdraws it (publishing again keeps the link's token).
 */
export const GUIDE_DOCUMENT_MATRIX: Record<string, Row> = {
  'GET /api/spaces/:spaceId/guide': { path: guide, expected: inSpace(ok, ok, ok) },
  'GET /api/spaces/:spaceId/guide/reference': { path: (f) => `${guide(f)}/reference?kind=funding_table&from=2020`, expected: inSpace(ok, ok, ok) },
  'GET /api/spaces/:spaceId/guide/export': { path: (f) => `${guide(f)}/export?format=docx`, expected: inSpace(ok, ok, ok) },
  'GET /api/spaces/:spaceId/guide/versions': { path: (f) => `${guide(f)}/versions`, expected: inSpace(ok, ok, ok) },
  'POST /api/spaces/:spaceId/guide/versions': {
    path: (f) => `${guide(f)}/versions`,
    body: (_f, actor) => ({ name: `Version de ${actor}` }),
    expected: inSpace(403, 201, 201),
  },
  'GET /api/spaces/:spaceId/guide/versions/:versionId': { path: version, expected: inSpace(ok, ok, ok) },
  'POST /api/spaces/:spaceId/guide/versions/:versionId/restore': { path: (f) => `${version(f)}/restore`, expected: inSpace(403, 403, ok) },
  // Signed out, everyone reads a published guide.
  'GET /guide-public/:token': { path: (f) => `/guide-public/${f.guide.guidePublicToken}`, expected: all(ok) },
  'GET /api/public/guides/:token': { path: (f) => `/api/public/guides/${f.guide.guidePublicToken}`, expected: all(ok) },
  'GET /api/spaces/:spaceId/guide/publication': { path: (f) => `${guide(f)}/publication`, expected: inSpace(ok, ok, ok) },
  'PUT /api/spaces/:spaceId/guide/publication': { path: (f) => `${guide(f)}/publication`, body: () => ({}), expected: inSpace(403, 403, ok) },
  'DELETE /api/spaces/:spaceId/guide/publication': { path: (f) => `${guide(f)}/publication`, expected: inSpace(403, 403, 204) },
};
