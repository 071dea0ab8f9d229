import { Command } from 'commander';
import { postgresStoreOf } from '../adapters';
import type { CliRuntime } from './runtime';

/** Exits 1 on a broken chain: the history may have been altered. */
export const verifyCommand = (runtime: CliRuntime) =>
  new Command('verify').description('Herberekent de hashketen over de hele eventhistorie en meldt de eerste breuk').action(() =>
    runtime.withAdapters(async ({ store, clock }) => {
      const postgres = postgresStoreOf(store);
      if (!postgres) throw new Error('verify werkt alleen met de PostgreSQL-eventstore');
      const report = await postgres.verifyChain(clock.now());
      console.log(`${report.ok ? 'In orde' : 'NIET in orde'}: ${report.events} events gecontroleerd`);
      console.log(`Kop van de keten: positie ${report.head.position}, hash ${report.head.hash}`);
      for (const p of report.problems) console.log(`  positie ${p.position}: ${p.kind}: ${p.detail}`);
      if (!report.ok) process.exitCode = 1;
    }),
  );
