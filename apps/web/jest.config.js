import { preset } from '../../jest.preset.js';

// Unit tests of the web app's pure logic (form models, anchors, Markdown, formatting), beside the files.
// No DOM is needed: React elements are checked as values, Yjs runs as it does in the browser.
export default preset({
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.spec.tsx'],
  maxWorkers: 2,
});
