import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { CHAIN_KEY_BYTES, deriveChainKey } from '@regie/es-postgres';
import type { PlatformConfig } from './config';

/**
 * The key that signs the event chain's seals and checkpoints. It is never in the database, so that
 * whoever can rewrite the database cannot sign what they wrote: REGIE_CHAIN_KEY when set; else
 * derived from REGIE_MASTER_KEY (which is outside the database when set); else a key file in the
 * data dir, made once with permissions 0600 — not the embedded default's generated master key,
 * which the database itself keeps. Every process that verifies must use the same key.
 */
export function chainKeyOf(
  config: Pick<PlatformConfig, 'REGIE_CHAIN_KEY' | 'REGIE_MASTER_KEY' | 'REGIE_DATA_DIR'>,
  log: (line: string) => void,
): Buffer {
  if (config.REGIE_CHAIN_KEY) return Buffer.from(config.REGIE_CHAIN_KEY, 'base64');
  if (config.REGIE_MASTER_KEY) return deriveChainKey(Buffer.from(config.REGIE_MASTER_KEY, 'base64'));
  return keyFile(join(config.REGIE_DATA_DIR, 'chain.key'), log);
}

function keyFile(path: string, log: (line: string) => void): Buffer {
  const existing = read(path);
  if (existing) return existing;
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  // Written whole under another name, then linked: a process that starts at the same time either
  // finds no file or the complete one, and only one key is ever made.
  const draft = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(draft, randomBytes(CHAIN_KEY_BYTES).toString('base64'), { mode: 0o600, flag: 'wx' });
  try {
    linkSync(draft, path);
    log(`chain key made in ${path}: keep it (and a copy outside this machine) — without it the chain's seals cannot be checked`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(draft, { force: true });
  }
  const made = read(path);
  if (!made) throw new Error(`chain key file ${path} does not hold ${CHAIN_KEY_BYTES} bytes in base64`);
  return made;
}

function read(path: string): Buffer | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== CHAIN_KEY_BYTES) throw new Error(`chain key file ${path} does not hold ${CHAIN_KEY_BYTES} bytes in base64`);
  return key;
}
