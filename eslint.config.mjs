// Lint rules that keep the layers honest and async code safe.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.e2e-tools/**', 'demo/**', 'test/fixtures/**', 'test/e2e/workspace*/**', '.bench/**', '**/*.mjs', '**/*.js', '**/*.cjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    // The report pages' browser scripts are their own project (DOM types, no Node).
    languageOptions: { parserOptions: { project: ['./tsconfig.json', './server/src/report/html/page/tsconfig.json'], tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-namespace': 'off',
      eqeqeq: 'error',
      curly: 'error',
      'no-console': 'off',
    },
  },
  {
    // Only the client talks to VS Code; the server side never imports it.
    files: ['server/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'Only client/ may import vscode.' }] }] },
  },
  {
    // The engine is pure: no editor or protocol APIs, so the server, the CLI and the tests share it.
    files: ['server/src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['vscode', 'vscode-*', '**/lsp/**', '**/cli/**', '**/scan/**'], message: 'The engine must not import host, LSP or CLI code.' }] },
      ],
    },
  },
);
