import { Command } from 'commander';
import { MESSAGE_SOURCES } from '../read-models';
import { relayHistory } from '../relay-history';
import type { CliRuntime } from './runtime';

/** `regie relay --from 0`: refills an emptied or new topic from the store (see docs/distributed.md). */
export const relayCommand = (runtime: CliRuntime) =>
  new Command('relay')
    .description('Publiceert de eventhistorie vanaf een positie opnieuw op de Kafka-topics, om een leeg of nieuw topic te vullen')
    .requiredOption('--from <positie>', 'de eerste positie in de eventstore die opnieuw gaat (0: de hele historie)')
    .option('--topic <topic...>', `alleen deze topics: ${Object.keys(MESSAGE_SOURCES).join(', ')}`)
    .action((options: { from: string; topic?: string[] }) =>
      runtime.withAdapters(async ({ store, bus }) => {
        const from = /^\d+$/.test(options.from.trim()) ? Number(options.from) : Number.NaN;
        const outcome = await relayHistory(store, bus, MESSAGE_SOURCES, {
          from,
          topics: options.topic,
          onProgress: (position, head) => process.stderr.write(`\r[regie] positie ${position} van ${head}`),
        });
        process.stderr.write('\n');
        for (const [topic, count] of Object.entries(outcome.published))
          console.log(`${topic}: ${count} berichten opnieuw gepubliceerd (posities ${Math.max(from, 1)} tot en met ${outcome.upTo})`);
      }),
    );
