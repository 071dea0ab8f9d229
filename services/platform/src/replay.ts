import type { DataSource } from 'typeorm';
import type { EventStore } from '@regie/es-core';
import { checksums, compareWithLive, rebuildAllInto, type ReadModelDefinition, swapInLive, type TableChecksum } from '@regie/read-model';
import { MESSAGE_SOURCES } from './read-models';

export interface ReplayOptions {
  /** Only this read model (its name, e.g. `actions`); all of them when absent. */
  service?: string;
  /** `--to`: a global position, or a moment (ISO 8601) as for `?asOf`. */
  to?: string;
  /** Swap the rebuilt tables in while the server keeps running. */
  swap?: boolean;
  /** Continue an interrupted rebuild instead of starting over. */
  resume?: boolean;
}

export type ReplayTarget = { position: number } | { time: Date };

/** What one read model's replay found; `differences` names the tables that differ from live. */
export interface ReplayOutcome {
  model: string;
  schema: string;
  position: number;
  differences: string[];
  swappedTo?: number;
}

/** A refusal of the command line's input, in Dutch, naming the option. */
export class ReplayInputError extends Error {}

/** `--to 1234` is a position; `--to 2026-03-01T12:00:00Z` (or a date) a moment. */
export function parseReplayTarget(raw: string): ReplayTarget {
  if (/^\d+$/.test(raw)) return { position: Number(raw) };
  if (/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(raw) && !Number.isNaN(Date.parse(raw))) return { time: new Date(raw) };
  throw new ReplayInputError(`--to: verwacht een positie (een getal) of een tijdstip als 2026-03-01T12:00:00Z, kreeg "${raw}"`);
}

/** The read models a replay covers: one by name, or all; an unknown name is refused with the known ones. */
export function selectReadModels(all: ReadModelDefinition[], service?: string): ReadModelDefinition[] {
  if (service === undefined) return all;
  const model = all.find((m) => m.name === service);
  if (!model) throw new ReplayInputError(`--service: onbekende dienst "${service}"; kies uit ${all.map((m) => m.name).join(', ')}`);
  return [model];
}

/**
 * `regie replay`: rebuilds read models from the event store into `<schema>__rebuild` in one pass,
 * then compares each table's checksum with the live one, or swaps the rebuild in. With a target
 * (`to`) it rebuilds the read models as they were then, for comparison: such a rebuild is never
 * swapped in, as live tables do not go back in time. The rebuilt schema stays for inspection
 * and for `resume`.
 */
export async function replay(
  store: EventStore,
  models: ReadModelDefinition[],
  options: ReplayOptions,
  onProgress?: (position: number) => void,
): Promise<ReplayOutcome[]> {
  const target = options.to === undefined ? undefined : parseReplayTarget(options.to);
  if (target && options.swap) throw new ReplayInputError('--swap kan niet samen met --to: de live tabellen gaan nooit terug in de tijd');
  const { position, rebuilt: all } = await rebuildAllInto(store, models, {
    fresh: !options.resume,
    sources: MESSAGE_SOURCES,
    onProgress,
    toPosition: target && 'position' in target ? target.position : undefined,
    toTime: target && 'time' in target ? target.time : undefined,
  });
  const outcomes: ReplayOutcome[] = [];
  for (const [i, model] of models.entries()) {
    const rebuilt = all[i];
    const live = await model.openDataSource(model.schema);
    try {
      // Without a target the live tables are compared at one store position with the rebuild (compareWithLive):
      // a server projecting meanwhile is no difference. With one, the rebuild is as it was then and live is not.
      const outcome: ReplayOutcome = target
        ? { model: model.name, schema: rebuilt.schema, position, differences: await differences(live, rebuilt, model.schema) }
        : await compareWithLive(store, model, rebuilt, live, { sources: MESSAGE_SOURCES }).then((c) => ({
            model: model.name,
            schema: rebuilt.schema,
            position: c.position,
            differences: c.differences,
          }));
      if (options.swap) outcome.swappedTo = (await swapInLive(store, model, rebuilt, live, { sources: MESSAGE_SOURCES })).position;
      outcomes.push(outcome);
    } finally {
      await rebuilt.dataSource.destroy();
      await live.destroy();
    }
  }
  return outcomes;
}

const differences = async (live: DataSource, rebuilt: { schema: string; dataSource: DataSource }, schema: string) =>
  differing(await checksums(live, schema), await checksums(rebuilt.dataSource, rebuilt.schema));

const differing = (live: TableChecksum[], rebuilt: TableChecksum[]): string[] => {
  const tables = [...new Set([...live, ...rebuilt].map((t) => t.table))].sort();
  const same = (t: string) => JSON.stringify(live.find((x) => x.table === t)) === JSON.stringify(rebuilt.find((x) => x.table === t));
  return tables.filter((t) => !same(t));
};
