import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chainKeyOf } from './chain-key';

describe('the chain key', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'regie-chain-key-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));
  const masterKey = Buffer.alloc(32, 1).toString('base64');

  it('is made once in the data dir, readable by its owner only, and the same on every start', () => {
    const lines: string[] = [];
    const first = chainKeyOf({ REGIE_DATA_DIR: dataDir }, (line) => lines.push(line));
    expect(first).toHaveLength(32);
    expect(statSync(join(dataDir, 'chain.key')).mode & 0o777).toBe(0o600);
    expect(chainKeyOf({ REGIE_DATA_DIR: dataDir }, () => undefined)).toEqual(first);
    expect(lines).toEqual([expect.stringContaining('chain key made')]);
  });

  it('comes from REGIE_CHAIN_KEY, else from REGIE_MASTER_KEY without being the master key itself', () => {
    const chainKey = Buffer.alloc(32, 9).toString('base64');
    expect(chainKeyOf({ REGIE_DATA_DIR: dataDir, REGIE_CHAIN_KEY: chainKey, REGIE_MASTER_KEY: masterKey }, () => undefined)).toEqual(
      Buffer.alloc(32, 9),
    );
    const derived = chainKeyOf({ REGIE_DATA_DIR: dataDir, REGIE_MASTER_KEY: masterKey }, () => undefined);
    expect(derived).toHaveLength(32);
    expect(derived).not.toEqual(Buffer.alloc(32, 1));
    expect(chainKeyOf({ REGIE_DATA_DIR: dataDir, REGIE_MASTER_KEY: masterKey }, () => undefined)).toEqual(derived);
  });
});
