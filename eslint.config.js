// Lint: TypeScript sanity plus Nx module boundaries (who may import whom, by tag).
// Tests (*.spec.ts, src/testing/) may also use the test kit; production code may not.
const nx = require('@nx/eslint-plugin');
const tseslint = require('typescript-eslint');

const LAYERS = {
  'type:core': ['type:core'],
  'type:contracts': ['type:contracts'],
  'type:adapter': ['type:core'],
  'type:util': ['type:core'],
  // the Nest wiring every bounded context shares (libs/context): read model, relay, consumers, command handlers
  'type:kit': ['type:core', 'type:adapter', 'type:util'],
  'type:testing': ['type:core', 'type:adapter'],
  'type:service': ['type:core', 'type:adapter', 'type:util', 'type:kit', 'type:contracts'],
  'type:app': ['type:core', 'type:adapter', 'type:util', 'type:kit', 'type:contracts', 'type:service'],
  'type:e2e': ['type:core', 'type:adapter', 'type:util', 'type:kit', 'type:contracts', 'type:service', 'type:app', 'type:testing'],
};
const SCOPES = {
  'scope:shared': ['scope:shared'],
  'scope:actions': ['scope:actions', 'scope:shared'],
  'scope:commitments': ['scope:commitments', 'scope:shared'],
  // monitoring consumes other contexts' contracts (never their services)
  'scope:monitoring': ['scope:monitoring', 'scope:shared', 'scope:actions', 'scope:commitments'],
  'scope:meetings': ['scope:meetings', 'scope:shared', 'scope:actions', 'scope:commitments', 'scope:monitoring'],
  // the portal is a backend-for-frontend: it calls the services' public HTTP API, never their code
  'scope:portal': ['scope:portal', 'scope:shared'],
  'scope:platform': [
    'scope:platform',
    'scope:actions',
    'scope:monitoring',
    'scope:commitments',
    'scope:meetings',
    'scope:portal',
    'scope:shared',
  ],
};

const boundaries = (extra) => [
  'error',
  {
    enforceBuildableLibDependency: false,
    allow: [],
    depConstraints: [
      ...Object.entries(LAYERS).map(([tag, to]) => ({ sourceTag: tag, onlyDependOnLibsWithTags: [...to, ...extra] })),
      ...Object.entries(SCOPES).map(([tag, to]) => ({ sourceTag: tag, onlyDependOnLibsWithTags: to })),
    ],
  },
];

module.exports = [
  { ignores: ['**/node_modules/**', '**/dist/**', '**/tmp/**', '.regie/**', '.nx/**', '**/*.js', '**/*.mjs'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@nx': nx, '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@nx/enforce-module-boundaries': boundaries([]),
    },
  },
  {
    // The portal's one table of event labels names every event type of every context: it imports their
    // event unions as types only (erased at build; the portal still calls the API and loads no context code).
    files: ['services/portal/src/views/event-labels.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: ['@regie/actions', '@regie/meetings', '@regie/commitments', '@regie/monitoring'],
          depConstraints: boundaries([])[1].depConstraints,
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.spec.tsx', '**/src/testing/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': boundaries(['type:testing', 'type:adapter']) },
  },
];
