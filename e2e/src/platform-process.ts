import { apiClient, type ApiClient, freePort, TEST_PASSWORD } from '@regie/test-kit';
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

export interface PlatformProcess {
  url: string;
  /** The platform's API as a local account (password TEST_PASSWORD unless the env chose another). */
  api: ApiClient;
  child: ChildProcess;
  output: () => string;
  /** Sends the signal and waits for the process to exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export { freePort };

/** Runs the platform the way `npm start` does, as a separate process, and waits for /health. */
export async function startPlatformProcess(
  env: Record<string, string>,
  timeoutMs = 60_000,
  entry: string[] = ['-r', '@swc-node/register', 'services/platform/src/main.ts'],
): Promise<PlatformProcess> {
  const port = env.PORT ?? String(await freePort());
  const child = spawn(process.execPath, entry, {
    cwd: ROOT,
    env: { ...process.env, REGIE_LOG_LEVEL: 'warn', REGIE_LOCAL_PASSWORD: TEST_PASSWORD, ...env, PORT: port },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`platform exited with ${child.exitCode} before it was healthy:\n${output}`);
    const healthy = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`platform not healthy within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    api: apiClient(url, env.REGIE_LOCAL_PASSWORD || TEST_PASSWORD),
    child,
    output: () => output,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

/** The two seeded werkagenda's: the first tenant and the actieplan dakloosheid (its nine pilot plans). */
export const SEEDED_WERKAGENDAS = ['betekenisvol-leven-2025-2028', 'actieplan-dakloos-wlz-2025'] as const;

/** The monitoring board's actions of both seeded werkagenda's (the board answers one werkagenda at a time). */
export async function seededBoard<T extends { milestones: unknown[] }>(api: ApiClient): Promise<T[]> {
  const boards = await Promise.all(
    SEEDED_WERKAGENDAS.map(async (id) => (await (await api.fetch(`/api/v1/monitoring/milestones?werkagendaId=${id}`)).json()) as T[]),
  );
  return boards.flat();
}
