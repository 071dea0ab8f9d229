// The one SWC configuration of this repository, for Jest (jest.preset.js) and the production build
// (scripts/build.js): TypeScript with legacy decorators and their metadata (Nest), TSX on Preact's
// automatic JSX runtime (the portal's views), ES2022, CommonJS.
const swcOptions = ({ tsx = false, sourceMaps = false } = {}) => ({
  jsc: {
    parser: { syntax: 'typescript', decorators: true, tsx },
    transform: {
      legacyDecorator: true,
      decoratorMetadata: true,
      useDefineForClassFields: false,
      react: { runtime: 'automatic', importSource: 'preact' },
    },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
  sourceMaps,
});

module.exports = { swcOptions };
