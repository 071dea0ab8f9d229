// Shared Jest settings: SWC transform (decorators + metadata for Nest), tsconfig path aliases.
const { compilerOptions } = require('./tsconfig.base.json');
const path = require('node:path');
const { swcOptions } = require('./scripts/swc-options');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias.replace('/', '\\/')}$`, path.join(__dirname, target)]),
);

const swc = (tsx) => ['@swc/jest', swcOptions({ tsx, sourceMaps: 'inline' })];

// ESM-only packages (jose; preact 11 ships .mjs only): Node >= 20.19 requires them natively, Jest's module loader does not.
const ESM_ONLY = ['jose', 'preact', '@platformatic'];

module.exports = {
  testEnvironment: 'node',
  rootDir: __dirname,
  moduleNameMapper,
  transform: {
    '^.+\\.ts$': swc(false),
    '^.+\\.tsx$': swc(true),
    [`/node_modules/(${ESM_ONLY.join('|')})/.+\\.m?js$`]: ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/dist/', '<rootDir>/tmp/'],
};
