// Test tiers by suffix (STYLE.md): unit = pure, int = real PostgreSQL, e2e = whole platform as processes.
const preset = require('./jest.preset');
const { existsSync } = require('node:fs');
const roots = ['libs', 'services', 'contracts', 'e2e', 'bench']
  .filter((dir) => existsSync(`${__dirname}/${dir}`))
  .map((dir) => `<rootDir>/${dir}`);

module.exports = {
  // Global option (Jest ignores it per project): generous for real services, e2e processes and Kafka.
  testTimeout: 120_000,
  projects: [
    { ...preset, displayName: 'unit', roots, testMatch: ['**/*.unit.spec.ts'] },
    {
      ...preset,
      displayName: 'int',
      roots,
      testMatch: ['**/*.int.spec.ts'],
      globalSetup: '<rootDir>/libs/test-kit/src/global-setup.ts',
      globalTeardown: '<rootDir>/libs/test-kit/src/global-teardown.ts',
    },
    {
      ...preset,
      displayName: 'e2e',
      roots,
      testMatch: ['**/*.e2e.spec.ts'],
      globalSetup: '<rootDir>/libs/test-kit/src/global-setup.ts',
      globalTeardown: '<rootDir>/libs/test-kit/src/global-teardown.ts',
    },
  ],
};
