// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'url', 'worker_threads', 'stream'];

/** Import-direction rules: shared ← main/notebook ← main/{electron,web}; shared ← preload; shared ← renderer. */
function restrict(patterns, paths = []) {
  return { 'no-restricted-imports': ['error', { patterns, paths }] };
}
const noElectron = [{ name: 'electron', message: 'Only src/main/electron and src/preload may import electron.' }];
const noNode = [
  { group: ['node:*', ...nodeBuiltins], message: 'This layer runs without Node: keep Node APIs in src/main.' },
];

export default tseslint.config(
  {
    ignores: ['node_modules/', 'out/', 'coverage/', 'test-results/', 'playwright-report/', 'bench-results/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'smart'],
      'no-eval': 'error',
      'no-implied-eval': 'error',
    },
  },
  {
    // MiniSearch is the reference our engine is tested and benchmarked against (docs/search.md),
    // a devDependency: the app must not ship code that needs it. The typescript-eslint twin of
    // no-restricted-imports is used so this rule does not replace the layers' rules below.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}', '**/testing/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'minisearch',
              message: 'MiniSearch is only the reference for tests and benches (docs/search.md), not a dependency.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: restrict(
      [
        ...noNode,
        { group: ['react', 'react-dom', 'lexical', '@lexical/*'], message: 'src/shared is UI-free.' },
        { group: ['**/main/**', '**/renderer/**', '**/preload/**'], message: 'src/shared imports nothing above it.' },
      ],
      noElectron,
    ),
  },
  {
    files: ['src/main/notebook/**/*.ts', 'src/main/web/**/*.ts'],
    rules: restrict(
      [
        { group: ['**/renderer/**', '**/preload/**'], message: 'The backend never imports UI code.' },
        { group: ['**/electron/**'], message: 'Only the Electron host may use src/main/electron.' },
      ],
      noElectron,
    ),
  },
  {
    files: ['src/main/notebook/**/*.ts'],
    rules: restrict(
      [
        { group: ['**/renderer/**', '**/preload/**'], message: 'The backend never imports UI code.' },
        {
          group: ['**/electron/**', '**/web/**'],
          message: 'The core is host-agnostic: hosts import it, not the reverse.',
        },
      ],
      noElectron,
    ),
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: restrict([
      { group: ['**/main/**', '**/renderer/**'], message: 'The preload only bridges: shared types only.' },
    ]),
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(
        [
          ...noNode,
          {
            group: ['**/main/**', '**/preload/**'],
            message: 'The UI reaches the backend only through the API client.',
          },
        ],
        noElectron,
      ),
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'No HTML injection path: build DOM nodes or React elements.' },
        { property: 'outerHTML', message: 'No HTML injection path.' },
        { property: 'insertAdjacentHTML', message: 'No HTML injection path.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No HTML injection path.' },
      ],
    },
  },
);
