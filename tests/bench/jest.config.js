import { preset } from '../../jest.preset.js';

export default preset({
  rootDir: '.',
  testMatch: ['<rootDir>/**/*.bench.ts'],
  globalSetup: '<rootDir>/../../apps/server/testing/global-setup.mjs',
  globalTeardown: '<rootDir>/../../apps/server/testing/global-teardown.mjs',
  testTimeout: 600000,
  maxWorkers: 1,
});
