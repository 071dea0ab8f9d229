// Jest loads global teardown without moduleNameMapper, so the alias cannot resolve here.
// eslint-disable-next-line @nx/enforce-module-boundaries
import type { RunningPostgres } from '../../embedded-postgres/src';

export default async function globalTeardown(): Promise<void> {
  const pg = (globalThis as { __regieTestPg?: RunningPostgres }).__regieTestPg;
  if (pg) await pg.stop();
}
