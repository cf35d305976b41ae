// Import boundaries are the architecture: shared/ runs anywhere, electron/core/ is plain Node,
// only the Electron shell (main.ts, preload.ts, adapters/) may load `electron` at run time.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const electronRuntime = {
  name: 'electron',
  message: 'Only electron/main.ts, electron/preload.ts and electron/adapters/ may load electron at run time (use `import type`).',
  allowTypeImports: true,
};
const nodeBuiltins = {
  regex: '^node:',
  message: 'shared/ and renderer/ must run anywhere: no Node built-ins.',
};
const shellModules = {
  group: ['**/electron/main', '**/electron/main.ts', '**/electron/preload', '**/electron/preload.ts'],
  message: 'Tests and core code never import the Electron shell; test the core through typed fakes.',
};

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', '.tmp/', 'test-results/', 'playwright-report/', 'e2e/artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['electron/main.ts', 'electron/preload.ts', 'electron/adapters/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [electronRuntime], patterns: [shellModules] }],
    },
  },
  {
    // Adapters receive Electron's objects from main.ts (`import type` only), so typed fakes can test them.
    files: ['electron/adapters/**/*.ts', 'electron/adapters/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [electronRuntime] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [electronRuntime, { name: 'react', message: 'shared/ is UI-free.' }],
          patterns: [nodeBuiltins, { group: ['**/electron/**', '**/renderer/**', '**/e2e/**'], message: 'shared/ depends on nothing but shared/.' }],
        },
      ],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/cli/**/*.ts', 'electron/web/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [electronRuntime], patterns: [shellModules, { group: ['**/renderer/**', '**/e2e/**'], message: 'The core never imports the UI or test tools.' }] },
      ],
    },
  },
  {
    // Tests and the dev CLI may start the iTop simulator (a separate process) through its spawn helper.
    files: ['electron/**/*.test.ts', 'electron/cli/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [electronRuntime], patterns: [shellModules, { group: ['**/renderer/**'], message: 'The core never imports the UI.' }] },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [electronRuntime], patterns: [nodeBuiltins, { group: ['**/electron/**', '**/e2e/**'], message: 'The renderer talks to the core only through the shared contract.' }] },
      ],
    },
  },
  {
    files: ['**/vite.config.ts', '**/playwright.config.ts', 'vitest.config.ts', 'eslint.config.js'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
