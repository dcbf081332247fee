// The architecture's boundaries (../shared/DESIGN.md) as lint rules, not goodwill:
// shared/ imports no Node, Electron or React; src-renderer/ no Node and no Electron;
// only src-main/app/ imports 'electron'. And no import cycles among the project's own files.
import js from '@eslint/js';
import leye from './eslint-rules/noImportCycle.js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const nodeMessage = 'Node built-ins are not allowed here (see DESIGN.md boundaries); move this to src-main/core.';
const electronPattern = { group: ['electron', 'electron/*'], message: "Only src-main/app/ may import 'electron'." };
const reactPattern = { group: ['react', 'react-dom', 'react-dom/*', 'antd', 'antd/*', '@ant-design/*'], message: 'shared/ is UI-free: no React or Ant Design.' };
const corePattern = { group: ['**/src-main/**', '../src-main/*', '../../src-main/*'], message: 'The renderer talks to the core only through the bridge (window.leye).' };

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'coverage/**', 'shared/places/data/**', '.vite/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: [electronPattern] }],
    },
  },
  {
    // One direction per dependency: a cycle among the project's modules, type-only imports
    // included, is an error (eslint-rules/noImportCycle.js).
    files: ['src-main/**/*.ts', 'shared/**/*.ts', 'src-renderer/**/*.{ts,tsx}', 'county/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.test.tsx', '**/*.d.ts'],
    plugins: { leye },
    rules: { 'leye/no-import-cycle': ['error', { roots: ['src-main', 'shared', 'src-renderer', 'county'] }] },
  },
  {
    files: ['src-main/app/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['shared/**'],
    ignores: ['shared/**/*.test.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': ['error', { paths: nodeBuiltins.map((name) => ({ name, message: nodeMessage })), patterns: [electronPattern, reactPattern] }],
    },
  },
  {
    files: ['src-renderer/**'],
    ignores: ['src-renderer/**/*.test.ts', 'src-renderer/**/*.test.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', { paths: nodeBuiltins.map((name) => ({ name, message: nodeMessage })), patterns: [electronPattern, corePattern] }],
    },
  },
);
