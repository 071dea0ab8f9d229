// Test tiers by suffix (STYLE.md): unit = pure, int = real PostgreSQL, e2e = whole platform as processes.
const preset = require('./jest.preset');
const { existsSync } = require('node:fs');
const roots = ['libs', 'services', 'contracts', 'e2e', 'bench']
  .filter((dir) => existsSync(`${__dirname}/${dir}`))
  .map((dir) => `<rootDir>/${dir}`);

module.exports = {
  // Global option (Jest ignores it per project): generous for real services, e2e processes and Kafka.
  testTimeout: 120_000,
  // On a 2-core machine Jest runs every file in its own process (in band): a broker client that
  // keeps retrying after close (kafkajs towards an unreachable or refusing broker, which the bus and
  // security suites provoke on purpose) would hold the run open after the last result. Every suite
  // closes what it opens; this only stops the run from waiting on such retries. Open issue in the
  // session notes: find the handle with --detectOpenHandles and close it.
  forceExit: true,
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
