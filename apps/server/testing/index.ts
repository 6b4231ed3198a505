// Test utilities shared with the cross-app suites (tests/e2e, tests/bench) as `@concerto/server/testing`.
export { findProjectRoot } from '../src/config/app-config.js';
export { ApiClient, addMember, buildSpace, type ApiResponse } from './api-client.js';
export { freePort } from './free-port.js';
export { startSmtpCatcher, type CaughtMail, type SmtpCatcher } from './smtp-catcher.js';
export { startAnotherProcess, startTestApp, type TestApp } from './test-app.js';
// The observatory's service, for its benchmark's process start (tests/bench/observatory.bench.ts).
export { ObservatoryService } from '../src/observatory/observatory.service.js';
export { createFreshDatabase, type FreshDatabase } from './test-postgres.js';
export { collabSocket, connected, eventually, openDocument, type OpenedDocument } from './collab-clients.js';
export { buildStudyTerritory, STUDY_YEAR } from './study-territory.js';
export { refs as policyRefs, serverDoc, replica, change, paragraph, unmergedInsertions, type InsertionShape } from './yjs-updates.js';
// The document policy itself, for its benchmark (tests/bench/policy.bench.ts).
export { checkUpdate } from '../src/collab/document-policy.js';
export * from './redis-process.js';
export { embeddedPostgresUnreachable } from '../src/database/embedded-postgres.js';
// The guide's renderers, their fixture and the diagnostic's DOCX (a peer), for their benchmark (tests/bench/guide-export.bench.ts).
export { guideDocx } from '../src/guide/render/guide-docx.js';
export { forgetRenderedCharts } from '../src/guide/render/funding-chart.js';
export { guidePdf } from '../src/guide/render/guide-pdf.js';
export { guidePublicPage } from '../src/guide/render/guide-html.js';
export { guideViewFixture } from '../src/guide/render/guide-view-fixture.js';
export { diagnosticDocx } from '../src/diagnostics/diagnostic-export.js';
export { pdfText } from './pdf-text.js';
// The notifications' fan-out and the digest, for their benchmark (tests/bench/notifications.bench.ts).
export { NotificationsService } from '../src/notifications/notifications.service.js';
export { NotificationDigestService } from '../src/notifications/notification-digest.service.js';
