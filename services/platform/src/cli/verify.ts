import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { postgresStoreOf } from '../adapters';
import { parseAnchorFile } from '../audit/chain-anchor';
import type { CliRuntime } from './runtime';

/** Exits 1 on a broken chain: the history may have been altered. */
export const verifyCommand = (runtime: CliRuntime) =>
  new Command('verify')
    .description(
      'Herberekent de hashketen over de hele eventhistorie, controleert zegels en ijkpunten, en meldt het eerste gewijzigde event',
    )
    .option(
      '--anchor <bestand>',
      'controleert ook tegen een kop (positie en hash) die buiten de database bewaard is, zoals "Anker:" hieronder',
    )
    .action((options: { anchor?: string }) => {
      const anchor = options.anchor ? parseAnchorFile(readFileSync(options.anchor, 'utf8')) : undefined;
      return runtime.withAdapters(async ({ store, clock }) => {
        const postgres = postgresStoreOf(store);
        if (!postgres) throw new Error('verify werkt alleen met de PostgreSQL-eventstore');
        const report = await postgres.verifyChain({ now: clock.now(), anchor });
        console.log(
          `${report.ok ? 'In orde' : 'NIET in orde'}: ${report.events} events gecontroleerd${anchor ? `, ook tegen het anker op positie ${anchor.position}` : ''}`,
        );
        console.log(`Kop van de keten: positie ${report.head.position}, hash ${report.head.hash}`);
        if (report.ok)
          console.log(`Anker (bewaar buiten de database): ${JSON.stringify({ position: report.head.position, hash: report.head.hash })}`);
        for (const p of report.problems) console.log(`  positie ${p.position}: ${p.kind}: ${p.detail}`);
        if (!report.ok) process.exitCode = 1;
      });
    });
