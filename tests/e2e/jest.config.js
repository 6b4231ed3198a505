import { preset } from '../../jest.preset.js';

export default preset({
  rootDir: '.',
  testMatch: ['<rootDir>/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/../../apps/server/testing/global-setup.mjs',
  globalTeardown: '<rootDir>/../../apps/server/testing/global-teardown.mjs',
  testTimeout: 120000,
  maxWorkers: 1,
});
