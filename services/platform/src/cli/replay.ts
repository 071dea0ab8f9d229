import { Command } from 'commander';
import { Presets, SingleBar } from 'cli-progress';
import { parseReplayTarget, replay, type ReplayOptions, selectReadModels } from '../replay';
import { readModels } from '../read-models';
import type { CliRuntime } from './runtime';

/** Without `--to` a difference from live is a fault (exit 1); with it, the differences are the answer. */
export const replayCommand = (runtime: CliRuntime) =>
  new Command('replay')
    .description('Bouwt de read models opnieuw op uit de eventhistorie en vergelijkt ze met de live tabellen')
    .option('--service <naam>', 'alleen de read model van deze dienst: actions, commitments, meetings of monitoring')
    .option(
      '--to <positie|tijdstip>',
      'bouw op tot en met deze positie, of tot dit tijdstip (zoals ?asOf), om te vergelijken; nooit met --swap',
    )
    .option('--swap', 'vervang de live tabellen door de herbouwde, terwijl de server gewoon doordraait')
    .option('--resume', 'ga verder met een onderbroken herbouw in plaats van opnieuw te beginnen')
    .action((options: ReplayOptions) =>
      runtime.withAdapters(async ({ store, databaseUrl }) => {
        const models = selectReadModels(readModels(databaseUrl), options.service);
        const target = options.to === undefined ? undefined : parseReplayTarget(options.to);
        const head = await store.headPosition();
        // One pass over the store: each page of events is read once and applied to every read model.
        const bar = progressBar(
          models.map((m) => m.name).join(', '),
          target && 'position' in target ? Math.min(head, target.position) : head,
        );
        const outcomes = await replay(store, models, options, (p) => bar.update(p)).finally(() => bar.stop());
        for (const o of outcomes) {
          const upTo =
            target && 'time' in target ? `de events tot ${target.time.toISOString()} (positie ${o.position})` : `positie ${o.position}`;
          const compared = o.differences.length === 0 ? 'gelijk aan live' : `verschilt van live in ${o.differences.join(', ')}`;
          console.log(
            `${o.model}: herbouwd tot en met ${upTo}; ${compared}${target ? ` (de herbouwde tabellen staan in schema ${o.schema})` : ''}`,
          );
          if (o.swappedTo !== undefined)
            console.log(
              `${o.model}: herbouwde tabellen staan nu live (bijgewerkt tot positie ${o.swappedTo}, zonder de server te stoppen)`,
            );
        }
        if (!target && !options.swap && outcomes.some((o) => o.differences.length > 0)) process.exitCode = 1;
      }),
    );

/** Events/s and ETA on stderr, so stdout stays the report. Wall-clock time: it measures this run, not the platform's clock. */
function progressBar(name: string, total: number) {
  const bar = new SingleBar(
    {
      format: `${name.padEnd(12)} {bar} {percentage}% | {value}/{total} events | {speed} ev/s | nog {eta_formatted}`,
      stream: process.stderr,
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  const started = Date.now();
  bar.start(Math.max(total, 1), 0, { speed: 0 });
  return {
    update: (position: number) => bar.update(position, { speed: Math.round(position / Math.max((Date.now() - started) / 1000, 0.001)) }),
    stop: () => bar.stop(),
  };
}
