import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { TweedeKamerImporter } from '@regie/commitments';
import type { CliRuntime } from './runtime';

/** Exits 1 when the file held toezeggingen that were refused, so a scheduled import shows up as failed. */
export const importCommand = (runtime: CliRuntime) =>
  new Command('import')
    .description('Importeert toezeggingen uit een Tweede Kamer open-data bestand (OData JSON {"value":[Toezegging…]}); idempotent')
    .argument('<source>', 'tweede-kamer')
    .argument('<file>', 'pad naar het JSON-bestand')
    .action((source: string, file: string) =>
      runtime.withServices(async (services) => {
        if (source !== 'tweede-kamer') throw new Error(`onbekende bron ${source}: alleen tweede-kamer`);
        const summary = await services.get(TweedeKamerImporter).import(JSON.parse(readFileSync(file, 'utf8')));
        console.log(JSON.stringify(summary, null, 2));
        if (summary.rejected.length > 0) process.exitCode = 1;
      }),
    );
