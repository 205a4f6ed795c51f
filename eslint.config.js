// Lint: typescript-eslint's recommended rules over the whole project, plus the
// direction of imports (docs/decisions/013-composition-root.md):
//   server/ (composition root) → app/ → src/features/ → src/platform/
// src/platform imports no feature, route or server file; features import no route
// or server file; and no import circles anywhere.
import { defineConfig } from 'eslint/config';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const upward = {
  platform: 'src/platform is the ground floor: it imports nothing from features, routes, the demo or server/. Hand it what it needs from server/ (the composition root).',
  feature: 'A feature imports no route module and nothing from server/: routes and server/ use features, not the other way.',
};

export default defineConfig(
  { ignores: ['build/', 'node_modules/', 'data/', '.react-router/', 'coverage/', 'bench/results/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-var': 'error',
      'prefer-const': 'error',
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })] },
    rules: {
      // Type-only imports count too: a circle of types still ties the files together.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            // src/db/schema.ts gathers every feature's tables (for drizzle-kit), so it is a feature import too.
            { target: './src/platform', from: ['./src/features', './src/db', './src/demo', './app', './server'], message: upward.platform },
            { target: './src/features', from: ['./app', './server'], message: upward.feature },
          ],
        },
      ],
    },
  },
  {
    // Tests beside the code may start the whole app or hold the platform against every
    // table (privacy/registry.test.ts reads src/db/schema.ts); they still import no feature code directly.
    files: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        { zones: [{ target: './src/platform', from: ['./src/features', './src/demo', './app'], message: upward.platform }] },
      ],
    },
  },
);
