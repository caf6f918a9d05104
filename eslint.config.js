import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'data/**', 'openapi.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.jest },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'off',
      'no-console': ['error', { allow: ['error', 'warn'] }],
    },
  },
  {
    files: [
      'bench/**/*.ts',
      'src/**/*-cli.ts',
      'src/**/cli.ts',
      'src/cli.ts',
      'test/support/**/*.ts',
    ],
    rules: { 'no-console': 'off' },
  },
  {
    // The admin console runs in the browser.
    files: ['admin-console/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The SDK's example journey is the proof that the generated types need no casts.
    files: ['clients/typescript/examples/**/*.ts'],
    rules: {
      '@typescript-eslint/consistent-type-assertions': ['error', { assertionStyle: 'never' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
    },
  },
);
