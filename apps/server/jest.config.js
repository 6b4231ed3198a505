import { preset } from '../../jest.preset.js';

export default preset({
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.int-spec.ts'],
  globalSetup: '<rootDir>/testing/global-setup.mjs',
  globalTeardown: '<rootDir>/testing/global-teardown.mjs',
  testTimeout: 30000,
  maxWorkers: 2,
});
