// Shared Jest settings: SWC transform (decorators + metadata for Nest), tsconfig path aliases.
const { compilerOptions } = require('./tsconfig.base.json');
const path = require('node:path');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias.replace('/', '\\/')}$`,
    path.join(__dirname, target),
  ]),
);

const swc = (parser) => [
  '@swc/jest',
  {
    jsc: {
      parser,
      transform: {
        legacyDecorator: true,
        decoratorMetadata: true,
        useDefineForClassFields: false,
        // The portal's views are TSX rendered by Preact (tsconfig: jsx react-jsx, jsxImportSource preact).
        react: { runtime: 'automatic', importSource: 'preact' },
      },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

module.exports = {
  testEnvironment: 'node',
  rootDir: __dirname,
  moduleNameMapper,
  transform: {
    '^.+\\.ts$': swc({ syntax: 'typescript', decorators: true }),
    '^.+\\.tsx$': swc({ syntax: 'typescript', tsx: true, decorators: true }),
    // Preact 11 ships ES modules only; Node 20.19+ requires them natively, Jest needs them compiled.
    '^.+\\.mjs$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(preact|preact-render-to-string)/)'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/dist/', '<rootDir>/tmp/'],
};
