// ESLint flat config: type-checked typescript-eslint rules for the TypeScript (src, test, bench,
// vitest.config.ts), plain recommended rules for the archive pages' browser scripts and the few
// Node scripts written in JavaScript.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/', 'output/', 'coverage/', 'node_modules/', 'bench/.tools/'] },
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', 'vitest.config.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked, ...tseslint.configs.stylisticTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // The code's convention is an explicit `as T` after a noUncheckedIndexedAccess lookup; `!` would only be churn.
      '@typescript-eslint/non-nullable-type-assertion-style': 'off',
      // `||` on text and numbers is deliberate: an empty string or 0 counts as absent and takes the fallback.
      '@typescript-eslint/prefer-nullish-coalescing': ['error', { ignorePrimitives: true }],
      // `async` without `await` is deliberate: it turns a synchronous throw into a rejection, and test doubles implement async interfaces.
      '@typescript-eslint/require-await': 'off',
      // XML escaping and the hostile-input tests match control characters on purpose.
      'no-control-regex': 'off',
    },
  },
  {
    // The archive pages' inline scripts: classic (non-module) browser scripts, no build step.
    files: ['templates/**/*.js'],
    extends: [js.configs.recommended],
    languageOptions: { sourceType: 'script', globals: globals.browser },
  },
  {
    files: ['bin/**/*.js', 'eslint.config.js'],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.cjs'],
    extends: [js.configs.recommended],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
  },
);
