import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

// The embedded default stops its database last, right after the pools have ended. pg's
// Pool.end() resolves before its connections have closed, so a stop that does not wait for
// them cuts live sessions off, and every pool with an error listener reports a lost connection.
// The stop waits (a few seconds at most) until the other sessions have ended.
describe('embedded PostgreSQL', () => {
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'regie-embedded-int-'));
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('stops right after its pools end without cutting off their closing sessions', async () => {
    const port = String(15_000 + (process.pid % 5_000));
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['-r', '@swc-node/register', join(__dirname, 'fixtures/stop-after-pools.ts'), join(root, 'pg'), port],
      { cwd: join(__dirname, '../../..'), timeout: 60_000 },
    );
    const outcome = JSON.parse(stdout.trim().split('\n').pop()!);
    expect(outcome).toEqual({ lost: [], stopped: true });
  });
});
