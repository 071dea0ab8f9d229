import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './platform-process';

const SCRIPT = join(__dirname, '../../infra/kafka/kafka.sh');
const run = promisify(execFile);

/** A broker of the test's own (own ports and dir), for tests that stop and restart it. */
export async function privateBroker(): Promise<{ brokers: string; stop(): Promise<void>; resume(): Promise<void> }> {
  const env = {
    ...process.env,
    KAFKA_PORT: String(await freePort()),
    KAFKA_CONTROLLER_PORT: String(await freePort()),
    REGIE_KAFKA_DIR: await mkdtemp(join(tmpdir(), 'regie-kafka-')),
  };
  const call = async (command: string) => (await run(SCRIPT, [command], { env, timeout: 120_000 })).stdout;
  const brokers = (await call('start')).trim().split('=')[1];
  return { brokers, stop: async () => void (await call('stop')), resume: async () => void (await call('resume')) };
}
