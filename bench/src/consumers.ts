import { withClient } from './db';

/**
 * The platform's other read models. Besides the actions read model (rebuilt in part 3), other
 * contexts (e.g. monitoring's mijlpalen board) consume the actions events through the
 * in-process bus, which reads the store from each consumer's last position: started on a large
 * store they replay the whole history in the background. Their progress is visible in every
 * `<schema>.processed_messages` (IdempotentConsumer: max(position) per consumer) and
 * `<schema>.projection_checkpoints` (ProjectionRunner). The bench measures their catch-up rate
 * on the first start; then the rebuild of every read model is swapped in (replay.ts,
 * promoteRebuild), so that parts 2, 5 and 8 measure the platform in its steady state on tables
 * that hold the whole history.
 */
export type Positions = Map<string, number>;

export async function consumerPositions(url: string): Promise<{ head: number; positions: Positions }> {
  return withClient(url, async (c) => {
    const { rows: tables } = await c.query(
      `SELECT table_schema AS s, table_name AS t FROM information_schema.tables
       WHERE table_name IN ('processed_messages', 'projection_checkpoints') AND table_schema NOT LIKE '%\\_\\_rebuild'`,
    );
    const positions: Positions = new Map();
    for (const { s, t } of tables) {
      const sql =
        t === 'processed_messages'
          ? `SELECT consumer AS name, max(position)::bigint AS position FROM "${s}".processed_messages GROUP BY consumer`
          : `SELECT name, position FROM "${s}".projection_checkpoints`;
      for (const r of (await c.query(sql)).rows)
        positions.set(`${s}.${t === 'processed_messages' ? 'consumer' : 'projection'}:${r.name}`, Number(r.position));
    }
    const head = Number((await c.query('SELECT position FROM es.head')).rows[0].position);
    return { head, positions };
  });
}

/**
 * Watches the consumers of a freshly started platform for up to `seconds` (or until all are at
 * the head) and returns the events/s each one advanced in that time.
 */
export async function catchUpRates(
  url: string,
  seconds: number,
): Promise<{ name: string; perSecond: number; from: number; to: number; caughtUp: boolean }[]> {
  const first = await consumerPositions(url);
  const started = performance.now();
  let last = first;
  const reached = new Map<string, number>(); // when each one was first seen at the head
  while (performance.now() - started < seconds * 1000) {
    await new Promise((r) => setTimeout(r, 250));
    last = await consumerPositions(url);
    for (const [name, position] of last.positions)
      if (position >= last.head && !reached.has(name)) reached.set(name, (performance.now() - started) / 1000);
    if ([...last.positions.values()].every((p) => p >= last.head)) break;
  }
  const elapsed = (performance.now() - started) / 1000;
  // Only what was behind (by over 1 % of the store) and moved: a checkpoint nobody advances (e.g. the
  // relay's, which an in-process bus does not run) or one event of a scheduled job is no replay.
  // Projection runners are left out: they catch up before /health answers, and one that only passes
  // over other contexts' events stores its checkpoint lazily (ProjectionRunner), which is no replay.
  const behind = ([name, to]: [string, number]) =>
    name.includes('.consumer:') &&
    first.head - (first.positions.get(name) ?? 0) > first.head / 100 &&
    to > (first.positions.get(name) ?? 0);
  return [...last.positions].filter(behind).map(([name, to]) => {
    const from = first.positions.get(name) ?? 0;
    return { name, from, to, perSecond: (to - from) / (reached.get(name) ?? elapsed), caughtUp: to >= last.head };
  });
}
