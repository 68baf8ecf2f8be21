import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

// Layer boundaries (docs/architecture.md). Each rule names a layer by its folder and matches an
// import written with the @/ alias or as a relative path, so `../../db/client` is caught as well
// as `@/db/client`.
const fromFolder = (folder) => `^(@/|(\\.\\./)+|\\./)${folder}(/|$)`;
const FRAMEWORK = '^(next|next/.*|@/auth|next-auth|next-auth/.*)$';
const DRIVERS = '^(postgres|@electric-sql/.*)$';

const restrict = (...rules) => ({
  'no-restricted-imports': ['error', { patterns: rules.map(([regex, message]) => ({ regex, message, allowTypeImports: true })) }],
});

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: ['.next/**', '.next-*/**', '.data/**', 'node_modules/**', 'db/migrations/**', 'playwright-report/**', 'test-results/**', 'next-env.d.ts'],
  },
  {
    // The domain (lib/ outside lib/server) is pure: no framework, no database, no server code.
    files: ['lib/**/*.ts', 'lib/**/*.tsx'],
    // Tests may read fixtures from anywhere.
    ignores: ['lib/server/**', 'lib/**/*.test.ts'],
    rules: restrict(
      [FRAMEWORK, 'The domain stays free of the framework.'],
      [DRIVERS, 'The domain stays free of the database driver.'],
      [fromFolder('(db|app|components)'), 'The domain imports only the domain (and i18n).'],
      ['^(@/lib/server|(\\.\\./)+server)(/|$)', 'The domain never imports server code.'],
    ),
  },
  {
    // Use cases (lib/server outside its Next adapters) run the same from a test as from a request.
    files: ['lib/server/**/*.ts'],
    ignores: ['lib/server/next/**'],
    rules: restrict(
      [FRAMEWORK, 'Use cases stay free of Next: put framework code in lib/server/next.'],
      [fromFolder('(app|components)'), 'Use cases never import pages or components.'],
      [fromFolder('(lib/server/)?next'), 'Use cases never import the Next adapters.'],
    ),
  },
  {
    // The data layer knows tables and queries, nothing above it.
    files: ['db/**/*.ts'],
    rules: restrict(
      [FRAMEWORK, 'The data layer stays free of the framework.'],
      [fromFolder('(app|components|lib/server)'), 'The data layer never imports the layers above it.'],
    ),
  },
  {
    // Components get data and server actions from the pages that render them.
    files: ['components/**/*.ts', 'components/**/*.tsx'],
    ignores: ['components/site/**'],
    rules: restrict([fromFolder('app'), 'Components never import app/: the page passes actions and data in.']),
  },
  {
    // Readers never download editor or desk code, and public components never import app/ either.
    files: ['app/(site)/**', 'components/site/**'],
    rules: restrict(
      [fromFolder('(components/)?editor'), 'Readers never download editor code.'],
      [fromFolder('(components/)?(desk|ui)'), 'Readers never download the desk or its controls.'],
      [fromFolder('lib/server'), 'Public pages read through the data layer, never desk use cases.'],
      [fromFolder('app'), 'Components never import app/: the page passes actions and data in.'],
    ),
  },
];

export default config;
