#!/usr/bin/env node
// Production build: transpiles every non-test TypeScript file of services/, libs/ and contracts/
// into dist/ with SWC (decorator metadata for Nest), rewriting the @regie/* path aliases of
// tsconfig.base.json to relative requires, so `node dist/services/platform/src/main.js` runs
// with nothing but node_modules. Type checking is `npm run typecheck`.
const { transformFile } = require('@swc/core');
const { readdirSync, mkdirSync, writeFileSync, rmSync } = require('node:fs');
const { join, dirname, relative } = require('node:path');

const root = join(__dirname, '..');
const out = join(root, 'dist');
const { compilerOptions } = require(join(root, 'tsconfig.base.json'));
const paths = Object.fromEntries(Object.entries(compilerOptions.paths).map(([k, [v]]) => [k, [v]]));

const sources = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'testing' ? [] : sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });

async function main() {
  rmSync(out, { recursive: true, force: true });
  const files = ['services', 'libs', 'contracts'].flatMap((dir) => sources(join(root, dir)));
  for (const file of files) {
    const { code } = await transformFile(file, {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
        target: 'es2022',
        baseUrl: root,
        paths,
      },
      module: { type: 'commonjs' },
      sourceMaps: false,
    });
    const target = join(out, relative(root, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, code);
  }
  console.log(`dist/: ${files.length} files`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
