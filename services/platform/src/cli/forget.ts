import { Command } from 'commander';
import { newId } from '@regie/es-core';
import { forgetPerson } from '../privacy/forget-person';
import { readModels } from '../read-models';
import type { CliRuntime } from './runtime';

/** Exits 1 for a name the vault never held a key for: most likely a typing error. */
export const forgetCommand = (runtime: CliRuntime) =>
  new Command('forget')
    .description('Vergeet een persoon (AVG): verwijdert de sleutel van diens naam; overal staat dan "[verwijderd]"')
    .argument('<name>', 'de naam zoals die is vastgelegd, bijvoorbeeld "C. Helder"')
    .option('--actor <id>', 'wie dit vraagt (komt in de historie)', 'regie-cli')
    .action((name: string, options: { actor: string }) =>
      runtime.withAdapters(async ({ store, vault, pool, clock, databaseUrl }) => {
        const context = {
          actor: { userId: options.actor, role: 'auditor' },
          correlationId: newId(),
          causationId: newId(),
          now: clock.now(),
        };
        const readModelSchemas = readModels(databaseUrl).map((m) => m.schema);
        const report = await forgetPerson({ store, vault, pool, readModelSchemas }, name, context);
        const says = {
          forgotten: `Vergeten: de sleutel van betrokkene ${'subject' in report ? report.subject : ''} is verwijderd`,
          'already-forgotten': 'Was al vergeten',
          unknown: 'Onbekend: voor deze naam is geen sleutel',
        };
        console.log(`${says[report.status]}${'erasedAt' in report ? ` (${report.erasedAt})` : ''}`);
        for (const e of report.remaining.events) console.log(`  nog als platte tekst in event ${e.position} (${e.type}, ${e.streamId})`);
        for (const t of report.remaining.tables) console.log(`  nog als platte tekst in ${t.table}: ${t.rows} rijen`);
        if (report.status === 'unknown') process.exitCode = 1;
      }),
    );
