import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: ['.next/**', '.next-*/**', '.data/**', 'node_modules/**', 'db/migrations/**', 'playwright-report/**', 'test-results/**', 'next-env.d.ts'],
  },
  {
    // The domain stays free of the framework and of the database driver.
    files: ['lib/**/*.ts'],
    ignores: ['lib/server/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['next', 'next/*', '@/db', '@/db/*', 'postgres', '@electric-sql/*'] }],
    },
  },
  {
    // Readers never download editor code.
    files: ['app/(site)/**', 'components/site/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['@/components/editor', '@/components/editor/*', '@/lib/server/*'] }],
    },
  },
];

export default config;
