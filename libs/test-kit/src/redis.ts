import { createConnection } from 'node:net';

/**
 * The Redis of this run: REDIS_URL, else the machine's default 127.0.0.1:6379. It must answer:
 * integration tests never skip a missing service (in CI that is a failure, locally too, loudly).
 */
export async function redisUrlForTests(): Promise<string> {
  const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const { hostname, port } = new URL(url);
  const reachable = await new Promise<boolean>((resolve) => {
    const socket = createConnection({ host: hostname, port: Number(port || 6379) }, () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
    socket.setTimeout(2000, () => {
      socket.destroy();
      resolve(false);
    });
  });
  if (!reachable) {
    throw new Error(
      `Redis does not answer at ${url}: start it (see README, "Tests") or set REDIS_URL. Integration tests need a real Redis.`,
    );
  }
  return url;
}
