import { preset } from '../../jest.preset.js';

export default preset({
  rootDir: '.',
  // BENCH_ONLY=collab (or a comma-separated list) runs only those benchmarks.
  testMatch: (process.env.BENCH_ONLY ?? '*').split(',').map((name) => `<rootDir>/**/${name.trim()}.bench.ts`),
  globalSetup: '<rootDir>/../../apps/server/testing/global-setup.mjs',
  globalTeardown: '<rootDir>/../../apps/server/testing/global-teardown.mjs',
  testTimeout: 600000,
  maxWorkers: 1,
});
