// Lint rules, and the layer rules that keep the architecture honest:
//   shared/   the domain: imports nothing from renderer/ or electron/, no UI, no Node, no Dexie
//   renderer/ the React app: never reaches Node or Electron (only window.workbench)
//   electron/ the shell: never imports the renderer
// and inside the renderer only the repositories (renderer/db/) may touch Dexie.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'crypto', 'url', 'module'];
const nodePatterns = [{ group: ['node:*'], message: 'Node is not available here.' }];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
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
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './shared',
              from: ['./renderer', './electron'],
              message: 'shared/ is the pure domain.',
            },
            {
              target: './renderer',
              from: './electron',
              message: 'The renderer reaches the host only through window.workbench.',
            },
            {
              target: './electron',
              from: './renderer',
              message: 'The shell does not import the renderer.',
            },
          ],
        },
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
            'electron',
            'react',
            'react-dom',
            'antd',
            'dexie',
            'dexie-react-hooks',
            'zustand',
            ...nodeBuiltins,
          ].map((name) => ({
            name,
            message: 'shared/ runs unchanged in renderer, Node and main.',
          })),
          patterns: nodePatterns,
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
            { name: 'electron', message: 'Use the typed host bridge (renderer/host).' },
            { name: 'dexie', message: 'Only the repositories in renderer/db/ touch Dexie.' },
            ...nodeBuiltins.map((name) => ({
              name,
              message: 'Node is not available in the renderer.',
            })),
          ],
          patterns: [
            ...nodePatterns,
            {
              group: ['**/db/database', '**/db/write', '**/db/schema'],
              message: 'Go through the repositories (renderer/db/index.ts).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Not in the renderer.' }], patterns: nodePatterns },
      ],
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
