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
