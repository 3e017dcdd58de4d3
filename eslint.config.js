import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'packages/db/migrations/**', 'bench/out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  // Contracts (packages/contracts): the console never reaches into the server or the database, and the
  // contract itself depends on nothing but zod and @manyi/core, so both sides can import it.
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@manyi/server', '@manyi/server/*', '@manyi/db', '@manyi/db/*', '**/server/**', '**/packages/db/**'],
              message: 'The console reads the API through @manyi/contracts, never server or database code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/contracts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@manyi/server',
                '@manyi/server/*',
                '@manyi/db',
                '@manyi/db/*',
                '@manyi/web',
                '@manyi/web/*',
                '**/apps/**',
                '**/server/**',
                '**/db/**',
                'fastify*',
                '@fastify/*',
                'drizzle-orm*',
                'react*',
              ],
              message: 'The contract is shared by the server and the console: zod and @manyi/core only.',
            },
          ],
        },
      ],
    },
  },
);
