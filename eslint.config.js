// One lint configuration for the whole repository.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Dependencies flow one way: shared -> everything else; no workspace imports an app. */
const noAppImports = {
  patterns: [
    {
      group: ['@rvw/signaling-server', '@rvw/agent-console', '@rvw/kiosk', '@rvw/tests'],
      message: 'shared must not import from an app.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/data/**', 'screenshots/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  { files: ['shared/**'], rules: { 'no-restricted-imports': ['error', noAppImports] } },
  {
    // The kiosk's hardware modules and renderer never touch Electron; only src/main and src/preload may.
    files: ['kiosk/src/**'],
    ignores: ['kiosk/src/main/**', 'kiosk/src/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'Only kiosk/src/main and kiosk/src/preload may import electron.' },
          ],
        },
      ],
    },
  },
);
