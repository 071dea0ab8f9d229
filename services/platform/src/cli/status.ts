import { Command } from 'commander';
import { readModelProgress } from '@regie/read-model';
import { readModels } from '../read-models';
import type { CliRuntime } from './runtime';

/** A glance for the operator: what the store holds, how far each read model is behind it, whether the server answers. */
export const statusCommand = (runtime: CliRuntime) =>
  new Command('status').description('Toont de eventstore, de projecties en of de server draait').action(() =>
    runtime.withAdapters(async ({ store, vault, pool, database, databaseUrl }) => {
      const head = await store.headPosition();
      const statistics = await store.statistics();
      const progress = [];
      for (const model of readModels(databaseUrl))
        progress.push({ schema: model.schema, ...(await readModelProgress(pool, model.schema)) });
      const port = runtime.config().PORT;
      const health = await fetch(`http://localhost:${port}/health`).then(
        (r) => (r.ok ? 'draait' : `antwoordt ${r.status}`),
        () => 'draait niet',
      );
      console.log(`Database       ${database.embedded ? `embedded, ${database.embedded.dataDir}` : 'DATABASE_URL'}`);
      console.log(`Server         ${health} (poort ${port})`);
      if (statistics) {
        console.log(`Eventstore     ${head} events in ${statistics.streams} streams`);
        for (const t of statistics.eventsByType) console.log(`  ${t.type.padEnd(28)} ${t.events}`);
      } else {
        console.log(
          `Eventstore     kop op positie ${head} (${store.kind}: geen telling per stream en type, die zou de hele historie lezen)`,
        );
      }
      console.log('Projecties');
      for (const { schema, projections } of progress)
        for (const p of projections)
          console.log(`  ${`${schema}.${p.name}`.padEnd(28)} positie ${p.position} (achterstand ${head - p.position})`);
      const consumers = progress.flatMap((m) => m.consumers);
      if (consumers.length) console.log('Consumenten van andere contexten');
      for (const c of consumers) console.log(`  ${c.name.padEnd(28)} laatste bericht van positie ${c.position}`);
      const people = await vault.statistics();
      console.log(`Persoonsgegevens ${people.subjects} betrokkenen met een sleutel, ${people.erased} vergeten`);
    }),
  );
