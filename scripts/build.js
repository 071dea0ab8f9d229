#!/usr/bin/env node
// Production build: transpiles every non-test TypeScript file of services/, libs/ and contracts/
// into dist/ with SWC (decorator metadata for Nest), rewriting the @regie/* path aliases of
// tsconfig.base.json to relative requires, so `node dist/services/platform/src/main.js` runs
// with nothing but node_modules. Type checking is `npm run typecheck`. TSX (the portal's views)
// compiles to Preact's automatic JSX runtime; stylesheets next to the sources (src/**/*.css) are copied.
const { transformFile } = require('@swc/core');
const { copyFileSync, readdirSync, mkdirSync, writeFileSync, rmSync } = require('node:fs');
const { join, dirname, relative } = require('node:path');
const { swcOptions } = require('./swc-options');

const root = join(__dirname, '..');
const out = join(root, 'dist');
const { compilerOptions } = require(join(root, 'tsconfig.base.json'));
const paths = Object.fromEntries(Object.entries(compilerOptions.paths).map(([k, [v]]) => [k, [v]]));

const filesUnder = (dir, wanted) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'testing' ? [] : filesUnder(path, wanted);
    return wanted(entry.name) ? [path] : [];
  });
const sources = (dir) => filesUnder(dir, (name) => /\.tsx?$/.test(name) && !/\.spec\.tsx?$/.test(name));
const stylesheets = (dir) => filesUnder(dir, (name) => name.endsWith('.css'));

async function main() {
  rmSync(out, { recursive: true, force: true });
  const files = ['services', 'libs', 'contracts'].flatMap((dir) => sources(join(root, dir)));
  for (const file of files) {
    const options = swcOptions({ tsx: file.endsWith('.tsx') });
    const { code } = await transformFile(file, { ...options, jsc: { ...options.jsc, baseUrl: root, paths } });
    const target = join(out, relative(root, file)).replace(/\.tsx?$/, '.js');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, code);
  }
  const assets = ['services', 'libs'].flatMap((dir) => stylesheets(join(root, dir)));
  for (const file of assets) {
    const target = join(out, relative(root, file));
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(file, target);
  }
  console.log(`dist/: ${files.length} files, ${assets.length} stylesheets`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
