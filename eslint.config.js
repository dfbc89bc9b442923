// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'data/**',
      '.test-results/**',
      '**/drizzle/meta/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // Build configs exclude tests; tsconfig.test.json type-checks tests, scripts and e2e.
        project: ['./packages/*/tsconfig.json', './tsconfig.test.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // Plain JavaScript (config and scripts) has no types to check against.
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { ...globals.node },
    },
  },
  {
    files: [
      'packages/server/**/*.{ts,tsx}',
      'e2e/**/*.ts',
      '*.config.ts',
      'packages/*/vite.config.ts',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['packages/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // The pure core: no I/O, no platform, no other package. Its own tsconfig has `types: []`
    // and no DOM lib; this rule also catches imports that would type-check through `any`.
    files: ['packages/domain/src/**/*.ts'],
    ignores: ['packages/domain/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: builtinModules.flatMap((name) => [
            { name, message: 'packages/domain is pure: no Node built-ins.' },
            { name: `node:${name}`, message: 'packages/domain is pure: no Node built-ins.' },
          ]),
          patterns: [
            {
              regex: '^[^.]',
              message:
                'packages/domain imports only its own files: no packages, no Node, no DOM, no @veche/*.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'process',
          'window',
          'document',
          'navigator',
          'localStorage',
          'fetch',
          'setTimeout',
          'setInterval',
          'console',
          'Buffer',
          'require',
        ].map((name) => ({
          name,
          message: 'packages/domain is pure: pass what you need in (the clock included).',
        })),
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'packages/domain takes the clock as an argument: no `new Date()`.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'packages/domain takes the clock as an argument: no `Date.now()`.',
        },
        {
          selector: "CallExpression[callee.name='Date']",
          message: 'packages/domain takes the clock as an argument: no `Date()`.',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'packages/domain is deterministic: no `Math.random()`.',
        },
      ],
    },
  },
  prettier,
);
