// `npm run lint` (part of `npm test`): ESLint's and typescript-eslint's recommended rules, without type
// information so that it stays fast. Generated and bundled files are not linted.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test-results/**', '.vscode-test/**', 'syntaxes/**'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      // Chinese text uses the ideographic space U+3000 on purpose (indents, table labels): allowed in
      // strings, templates, regexps and comments, still caught in code.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipRegExps: true, skipComments: true }],
      // An unused parameter kept for a signature is named with a leading underscore.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // `let x; const done = () => x?.dispose(); x = subscribe(done)`: declared before a closure reads it.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    // CommonJS test helpers and scripts load modules with require().
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Page functions of the playwright scripts run in the browser.
    files: ['test/e2e-route/**', 'test/integration/vsix-ui.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
