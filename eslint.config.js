// Lint rules, and the layer rules that keep the architecture honest:
//   shared/   the domain: imports nothing from renderer/ or electron/, no UI, no Node, no Dexie
//   renderer/ the React app: never reaches Node or Electron (only window.workbench)
//   electron/ the shell: never imports the renderer
// and inside the renderer only the repositories (renderer/db/) may touch Dexie.
// (Core `no-restricted-imports` rather than an import plugin: the plugins' native resolver has
// no build for every platform on our registry, which breaks `npm ci`.)
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'crypto', 'url', 'module'].map(
  (name) => ({ name, message: 'Node is not available in this layer.' }),
);
const noNode = { group: ['node:*'], message: 'Node is not available in this layer.' };
const noRenderer = {
  group: ['**/renderer/**'],
  message: 'Only the renderer imports the renderer.',
};
const noElectronFolder = {
  group: ['**/electron/**'],
  message: 'The renderer and shared/ reach the host only through window.workbench.',
};
const electronPackage = { name: 'electron', message: 'Only electron/ uses Electron.' };
export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'test/tools/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      // Async functions that fulfil an async interface need not await anything.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            electronPackage,
            ...['react', 'react-dom', 'antd', 'dexie', 'dexie-react-hooks', 'zustand'].map(
              (name) => ({ name, message: 'shared/ is the pure domain: no UI, no storage.' }),
            ),
            ...nodeBuiltins,
          ],
          patterns: [noNode, noRenderer, noElectronFolder],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/db/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            electronPackage,
            { name: 'dexie', message: 'Only the repositories in renderer/db/ touch Dexie.' },
            ...nodeBuiltins,
          ],
          patterns: [
            noNode,
            noElectronFolder,
            {
              group: ['**/db/database', '**/db/write', '**/db/schema', '**/db/*.repository'],
              message: 'Go through the repositories (renderer/db/index.ts).',
            },
          ],
        },
      ],
      // The same rule for `import()`, which no-restricted-imports does not see.
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'ImportExpression[source.value=/(^dexie$|\\/db\\/(database|write|schema|[^/]*\\.repository)$)/]',
          message: 'Go through the repositories (renderer/db/index.ts), also in import().',
        },
        {
          // A store read whole renders its component at every change of any field (the search
          // box's text changes at every key): select what is used.
          selector: 'CallExpression[callee.name=/^use(Ui|SearchStore)$/][arguments.length=0]',
          message: 'Select the fields used: useUi(useShallow((s) => ({ … }))).',
        },
      ],
    },
  },
  {
    files: ['renderer/db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [electronPackage, ...nodeBuiltins], patterns: [noNode, noElectronFolder] },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noRenderer] }] },
  },
  {
    // The command line runs in plain Node, without Electron.
    files: ['electron/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electronPackage], patterns: [noRenderer] }],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}', 'build/**', 'test/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
);
