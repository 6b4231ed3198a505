import nx from '@nx/eslint-plugin';
import checkFile from 'eslint-plugin-check-file';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';

/**
 * Layers of a source tree, from the bottom up: a folder may import its own layer's lower neighbours listed before it
 * and every lower layer, never one above it. One entry per layer; a layer lists its folders from the bottom up too, so
 * the areas of one layer also run one way (no two folders import each other).
 */
function layers(root, stack) {
  const flat = stack.flat();
  return flat.slice(0, -1).map((folder, index) => ({
    target: `${root}/${folder}`,
    from: flat.slice(index + 1).map((above) => `${root}/${above}`),
    message: `${folder} sits below this folder: it may not import it (docs/ARCHITECTURE.md, "Layers").`,
  }));
}

const SERVER_LAYERS = [
  ['config', 'common', 'logging'],
  ['database'],
  ['mail'],
  ['organisations'],
  ['auth'],
  ['access'],
  ['events'],
  ['notifications'],
  ['poles', 'spaces', 'projects', 'observatory', 'sample', 'collab', 'diagnostics', 'sessions', 'guide', 'seed', 'docs', 'health', 'web'],
];

const WEB_LAYERS = [
  ['i18n'],
  ['api'],
  ['ui'],
  [
    'features/collab',
    'features/auth',
    'features/spaces',
    'features/invitations',
    'features/projects',
    'features/observatory',
    'features/survey',
    'features/diagnostic',
    'features/guide',
    'features/sessions',
    'features/notifications',
  ],
  ['app'],
];

export default [
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.data/**', '**/tmp/**', '**/test-artifacts/**'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.mjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          // Cross-app suites drive the real server through its test utilities.
          allow: ['@concerto/server/testing'],
          depConstraints: [
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:server', onlyDependOnLibsWithTags: ['scope:server', 'scope:shared'] },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
            { sourceTag: 'scope:tests', onlyDependOnLibsWithTags: ['scope:tests', 'scope:shared', 'scope:server'] },
          ],
        },
      ],
    },
  },
  {
    // House rules checked on every TypeScript file, with type information.
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { 'import-x': importX, 'check-file': checkFile },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver': undefined,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: ['apps/*/tsconfig.json', 'libs/*/tsconfig.json', 'tests/tsconfig.json'] })],
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'max-lines': ['error', { max: 400 }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // `import { type A } from 'x'` keeps a side-effect import of x (it can pull a whole library into a page): `import type`.
      '@typescript-eslint/no-import-type-side-effects': 'error',
      'import-x/no-cycle': 'error',
      // kebab-case, digits allowed (migrations start with their timestamp)
      'check-file/filename-naming-convention': ['error', { '**/*.{ts,tsx}': '+([a-z0-9])*(-+([a-z0-9]))' }, { ignoreMiddleExtensions: true }],
    },
  },
  {
    files: ['apps/server/src/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.int-spec.ts'],
    rules: { 'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: layers('apps/server/src', SERVER_LAYERS) }] },
  },
  {
    files: ['apps/web/src/**/*.ts', 'apps/web/src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      ...jsxA11y.flatConfigs.recommended.rules,
      'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: layers('apps/web/src', WEB_LAYERS) }],
    },
  },
  {
    // Tests may assert presence with `!` and read loosely typed JSON.
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/*.bench.ts', '**/testing/**/*.ts', 'tests/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Tool configuration files import the shared root preset.
    files: ['**/jest.config.js', '**/vite.config.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    // Shared libs stay framework-free.
    files: ['libs/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['@nestjs/*', 'react', 'react-dom', 'typeorm', 'socket.io', 'express'] }],
    },
  },
  // Formatting is prettier's (npm test checks it): no lint rule may disagree with it.
  prettier,
];
