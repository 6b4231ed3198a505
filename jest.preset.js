// Shared jest settings: ESM, TypeScript through swc with decorator metadata (NestJS DI needs it).
export const swcTransform = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
      target: 'es2023',
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

export function preset(overrides = {}) {
  return {
    testEnvironment: 'node',
    extensionsToTreatAsEsm: ['.ts', '.tsx'],
    transform: { '^.+\\.(t|j)sx?$': swcTransform },
    moduleNameMapper: {
      '^@concerto/domain$': '<rootDir>/../../libs/domain/src/index.ts',
      '^@concerto/collab$': '<rootDir>/../../libs/collab/src/index.ts',
      '^@concerto/server/testing$': '<rootDir>/../../apps/server/testing/index.ts',
      '^(\\.{1,2}/.*)\\.js$': '$1',
    },
    ...overrides,
  };
}
