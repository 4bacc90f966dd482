// @ts-check
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'url', 'worker_threads', 'stream'];

/** Import-direction rules: shared ← main/notebook ← main/{electron,web}; shared ← preload; shared ← renderer. */
function restrict(patterns, paths = []) {
  return { 'no-restricted-imports': ['error', { patterns, paths }] };
}
/** MiniSearch: a reference in tests and benches only (@typescript-eslint's rule, so the layers' rules stay). */
const noMinisearch = {
  group: ['minisearch', 'minisearch/*'],
  message: 'MiniSearch is only the reference for tests and benches (docs/search.md), not a dependency.',
};
const noElectron = [{ name: 'electron', message: 'Only src/main/electron and src/preload may import electron.' }];
/** The layers inside the renderer, top to bottom (docs/architecture-renderer.md). */
const renderer = (folder) => `./src/renderer/src/${folder}`;

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
    // No import cycles anywhere: a cycle makes load order matter and hides which module
    // owns what. Type-only imports do not count (they vanish at build time).
    files: ['**/*.{ts,tsx,mts,mjs}'],
    plugins: { 'import-x': importX },
    settings: {
      // How to read TypeScript dependencies (without it no-cycle silently sees no edges).
      'import-x/extensions': importX.flatConfigs.typescript.settings['import-x/extensions'],
      'import-x/parsers': importX.flatConfigs.typescript.settings['import-x/parsers'],
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.base.json' })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    // The renderer's layers: app → features → editor, ui. A lower layer never imports a
    // higher one (tests included).
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: [renderer('editor'), renderer('ui')],
              from: [renderer('features'), renderer('app')],
              message: 'editor/ and ui/ sit below features/ and app/: move the shared piece down instead.',
            },
            {
              target: renderer('features'),
              from: renderer('app'),
              message: 'features/ sit below app/: move the shared piece down (ui/ or the feature) instead.',
            },
          ],
        },
      ],
    },
  },
  {
    // Below features/, code reaches no backend and knows no editor from ui/ (tests may use
    // fakes and fixtures from anywhere below features/).
    files: ['src/renderer/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}', '**/testing/**'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: [renderer('editor'), renderer('ui')],
              from: [renderer('features'), renderer('app')],
              message: 'editor/ and ui/ sit below features/ and app/: move the shared piece down instead.',
            },
            {
              target: renderer('features'),
              from: renderer('app'),
              message: 'features/ sit below app/: move the shared piece down (ui/ or the feature) instead.',
            },
            {
              target: [renderer('editor'), renderer('ui')],
              from: renderer('api'),
              message: 'editor/ and ui/ get their data from props: only app/ and features/ use the API client.',
            },
            {
              target: renderer('ui'),
              from: renderer('editor'),
              message: 'ui/ holds generic pieces the editor builds on, not the reverse.',
            },
          ],
        },
      ],
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
          patterns: [noMinisearch],
        },
      ],
    },
  },
  {
    // The contract (domain types, API methods) is in the page's first chunk: a value imported
    // from a module holding a parser brings the parser there too (highlightFile's colours
    // once brought the YAML parser, ≈ 100 KB, before the glossary's first row). Types are free.
    files: ['src/shared/domain/**/*.ts', 'src/shared/api/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            noMinisearch,
            {
              group: ['yaml', '**/annotations/highlightFile', '**/annotations/anchoring', '**/markdown/frontMatter'],
              allowTypeImports: true,
              message: "Only types from here: its values bring a parser into the page's first chunk.",
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
