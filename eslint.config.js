// One linter for the whole repo. The import rules enforce the layering of docs/ARCHITECTURE.md ("Layers"):
// only main/app may import 'electron'; the renderer imports, from outside renderer/, only shared/; shared/
// imports nothing but its own files; domain modules never import api, app or cli; test code (vitest) stays in
// *.test.ts files and test/. test/unit/layering.test.ts lints a deliberate violation of each.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'crypto', 'url', 'http', 'net', 'util', 'stream'];

const electronOnlyInApp = {
  name: 'electron',
  message: 'Only main/app may import electron (docs/ARCHITECTURE.md, "Layers").',
};
// The modules that know nothing of how they are called (service, Electron, command line).
const DOMAIN = ['articles', 'annotations', 'search', 'export', 'store', 'web', 'review', 'text'];
const domainFiles = DOMAIN.map((name) => `main/${name}/**/*.ts`);
const domainStaysBelow = {
  regex: '^(\\.\\./)+(api|app|cli)(/|$)',
  message: 'Domain modules never import main/api, main/app or main/cli (docs/ARCHITECTURE.md, "Layers").',
};
const sharedStandsAlone = {
  regex: '^(?!\\./)',
  message: 'shared/ has no dependency: it imports only its own files (docs/ARCHITECTURE.md, "Layers").',
};
const rendererTakesShared = {
  regex: '^(\\.\\./)+(main|test|scripts)(/|$)',
  message: 'From outside renderer/, the renderer imports only shared/ (docs/ARCHITECTURE.md, "Layers").',
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
    files: domainFiles,
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [electronOnlyInApp], patterns: [domainStaysBelow, noTestCode] },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [sharedStandsAlone] }] },
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
          paths: [
            ...['electron', ...nodeBuiltins].map((name) => ({
              name,
              message: 'The renderer is a sandboxed view: no Electron or Node modules.',
            })),
            {
              name: 'zod',
              message: 'Inputs are validated in main (main/api/contract.ts); the page bundles no zod.',
            },
          ],
          patterns: [
            { group: ['node:*'], message: 'The renderer is a sandboxed view: no Node modules.' },
            rendererTakesShared,
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
