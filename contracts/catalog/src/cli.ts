import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { format, resolveConfig } from 'prettier';
import { type AsyncApiDocument, asyncApiDocument } from './asyncapi';
import { breakingChanges, describeBreach, messagesOf } from './compatibility';

/**
 * `write` (npm run contracts) regenerates contracts/asyncapi.json; `check` (in npm run lint) fails
 * when it is stale. Both refuse a breaking change to a message version the committed document
 * publishes: that document is the registry. CONTRACTS_BASE_REF (e.g. the branch a change merges
 * into) adds the document at that git revision as a second registry, so a regenerated, committed
 * break is caught too.
 */
const FILE = 'contracts/asyncapi.json';
const path = join(__dirname, '../../..', FILE);

async function main(command: string | undefined): Promise<number> {
  if (command !== 'write' && command !== 'check') {
    console.error('usage: cli.ts write | check');
    return 2;
  }
  const current = asyncApiDocument();
  const onDisk = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as AsyncApiDocument) : undefined;
  const registries = [...(onDisk ? [{ name: FILE, doc: onDisk }] : []), ...atBaseRef()];
  const breaches = registries.flatMap(({ name, doc }) =>
    breakingChanges(doc, current).map((b) => `${describeBreach(b)} (published in ${name})`),
  );
  if (breaches.length) {
    console.error(`Breaking change to a published message version; add a new version (e.g. …V2) instead, see docs/events.md:`);
    for (const line of new Set(breaches)) console.error(`  ${line}`);
    return 1;
  }
  if (command === 'write') {
    const options = await resolveConfig(path);
    writeFileSync(path, await format(JSON.stringify(current), { ...options, parser: 'json' }));
    console.log(`${FILE}: ${messagesOf(current).size} messages on ${Object.keys(current.channels).length} topics`);
    return 0;
  }
  if (!onDisk) {
    console.error(`${FILE} is missing: run npm run contracts`);
    return 1;
  }
  if (!isDeepStrictEqual(onDisk, current)) {
    console.error(`${FILE} is not what the contracts generate (${difference(onDisk, current)}): run npm run contracts`);
    return 1;
  }
  return 0;
}

function atBaseRef(): { name: string; doc: AsyncApiDocument }[] {
  const ref = process.env.CONTRACTS_BASE_REF;
  if (!ref) return [];
  try {
    const text = execFileSync('git', ['show', `${ref}:${FILE}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return [{ name: `${ref}:${FILE}`, doc: JSON.parse(text) }];
  } catch {
    return []; // not published at that revision yet
  }
}

function difference(before: AsyncApiDocument, after: AsyncApiDocument): string {
  const old = messagesOf(before);
  const now = messagesOf(after);
  const added = [...now.keys()].filter((name) => !old.has(name));
  const changed = [...now.keys()].filter((name) => old.has(name) && !isDeepStrictEqual(old.get(name), now.get(name)));
  const parts = [added.length ? `new: ${added.join(', ')}` : '', changed.length ? `changed: ${changed.join(', ')}` : ''].filter(Boolean);
  return parts.join('; ') || 'other fields differ';
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
