// One linter for the whole repo. The import rules enforce the layering of docs/ARCHITECTURE.md:
// only main/app may import 'electron'; renderer/ may not import Node modules or main/ internals; test code
// (vitest) stays in *.test.ts files and test/. test/unit/layering.test.ts lints deliberate violations.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'crypto', 'url', 'http', 'net', 'util', 'stream'];

const electronOnlyInApp = {
  name: 'electron',
  message: 'Only main/app may import electron (docs/ARCHITECTURE.md, "Layers").',
};
const noTestCode = {
  group: ['vitest', 'vitest/*', '@vitest/*'],
  message:
    'Test code lives in *.test.ts files and test/, not in the product (docs/ARCHITECTURE.md, "Layers").',
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'test-results/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [electronOnlyInApp] }],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronOnlyInApp], patterns: [noTestCode] }] },
  },
  {
    files: ['main/app/**/*.ts', 'test/e2e/electron.test.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['main/app/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noTestCode] }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Articles and notes are data: the renderer builds React elements, it never injects an HTML string.
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'No HTML injection: build React elements from the block model or the Markdown tree.',
        },
        {
          selector: 'AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]',
          message: 'No HTML injection: build DOM from data.',
        },
        {
          selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
          message: 'No HTML injection: build DOM from data.',
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', ...nodeBuiltins].map((name) => ({
            name,
            message: 'The renderer is a sandboxed view: no Electron or Node modules.',
          })),
          patterns: [
            { group: ['node:*'], message: 'The renderer is a sandboxed view: no Node modules.' },
            {
              // The shared vocabulary only: the contract, method names, settings and the two model files.
              regex:
                '^(\\.\\./)+main/(?!(api/(contract|methods|settings)|articles/model|annotations/model)$)',
              message: 'The renderer may import only the contract and the model files from main/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
