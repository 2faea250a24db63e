// @ts-check
// ESLint: the recommended JavaScript and typescript-eslint rules (syntax only, no type information:
// fast, and the type-checked set mostly flags Lit's auto-bound event handlers and untyped JSON in
// tests), Lit's and web components' rules for the page, and a few rules tuned to this code base.
// Formatting is Prettier's (`.prettierrc.json`); nothing here overlaps it.
//
// typescript-eslint reads sources with the TypeScript 6 API: `typescript` in package.json is
// @typescript/typescript6 (TypeScript 7 has no JavaScript API yet) while `tsc` is TypeScript 7
// (@typescript/native).
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  // Build output, test artefacts and scratch space (the git-ignored directories).
  { ignores: ['dist/', 'test-results/', 'test/.tmp/', '.scratch/', '.vite/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // `_name` marks a parameter a signature needs but the body does not use.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Flags the last `row[i++] = …` of a fill loop and an initial value a `try` overwrites: idioms here, not bugs.
      'no-useless-assignment': 'off',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    // The simulation and the page report through their own channels (the CLI's streams, the page's views).
    files: ['sim/**/*.ts', 'ui/**/*.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    files: ['ui/**/*.ts'],
    extends: [lit.configs['flat/recommended'], wc.configs['flat/recommended']],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Tests walk untyped JSON (schemas, CLI output) with `any`.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
