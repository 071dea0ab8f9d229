import { TEST_PASSWORD, testDatabase } from '@regie/test-kit';
import { loadConfig } from '../config';
import { type RunningPlatform, startPlatform } from '../platform';

/**
 * The whole platform in this process on a fresh database of the test server, on a free port, its
 * clock starting at `now`, the local accounts' password TEST_PASSWORD. Close the platform, then drop the database.
 */
export async function platformForTests(
  label: string,
  now: string,
  env: Record<string, string> = {},
): Promise<{ db: Awaited<ReturnType<typeof testDatabase>>; platform: RunningPlatform }> {
  const db = await testDatabase(label);
  const config = loadConfig({
    DATABASE_URL: db.url,
    PORT: '0',
    REGIE_LOG_LEVEL: 'error',
    REGIE_NOW: now,
    REGIE_LOCAL_PASSWORD: TEST_PASSWORD,
    ...env,
  });
  return { db, platform: await startPlatform(config, () => undefined) };
}
