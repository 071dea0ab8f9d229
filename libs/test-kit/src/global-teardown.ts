import type { RunningPostgres } from '@regie/embedded-postgres';

export default async function globalTeardown(): Promise<void> {
  const pg = (globalThis as { __regieTestPg?: RunningPostgres }).__regieTestPg;
  if (pg) await pg.stop();
}
