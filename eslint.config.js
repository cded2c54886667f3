// Lint, including the import boundaries of the architecture: shared/ imports nothing of the
// others, the renderer never imports electron or Node, and only the thin shell imports electron.
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const electronImport = {
  name: 'electron',
  message: 'Only electron/main/index.ts and the preload may import electron.',
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      // Written by validatorSource() (validator-source.ts); a unit test keeps it current.
      'shared/model/model-validate.generated.cjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // The CommonJS launcher of the command line.
    files: ['bin/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            electronImport,
            ...nodeBuiltins.map((name) => ({
              name,
              message: 'shared/ is pure TypeScript: no Node built-ins.',
            })),
          ],
          patterns: [
            {
              group: [
                'react',
                'react-dom',
                'react/*',
                '@xyflow/*',
                'better-sqlite3',
                'zustand',
                'i18next',
                'react-i18next',
              ],
              message: 'shared/ has no UI or database dependencies.',
            },
            {
              group: ['**/electron/**', '**/renderer/**', '**/tests/**'],
              message: 'shared/ imports nothing of the other layers.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            electronImport,
            ...nodeBuiltins.map((name) => ({
              name,
              message: 'The renderer runs in a sandboxed page: no Node.',
            })),
          ],
          patterns: [
            {
              group: ['better-sqlite3'],
              message: 'The renderer reaches the database only through window.api.',
            },
            {
              group: ['**/electron/**'],
              message: 'The renderer talks to the main process only through window.api.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/src/**/*.tsx'],
    ...jsxA11y.flatConfigs.recommended,
  },
  {
    files: ['electron/**/*.ts', 'tests/**/*.ts', 'scripts/**/*.{js,mjs,ts}', 'bench/**/*.ts'],
    ignores: ['electron/main/index.ts', 'electron/preload/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ ...electronImport, allowTypeImports: true }],
          patterns: [
            { group: ['**/renderer/**'], message: 'The main process does not import the UI.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/db/**', '**/handlers/**', '**/main/**', 'better-sqlite3', 'zod'],
              message: 'The sandboxed preload stays minimal: the channel list only.',
            },
          ],
        },
      ],
    },
  },
);
