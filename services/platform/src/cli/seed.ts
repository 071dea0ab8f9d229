import { Command } from 'commander';
import { WerkagendaSeeder } from '@regie/actions';
import { CommitmentsSeeder } from '@regie/commitments';
import type { CliRuntime } from './runtime';

export const seedCommand = (runtime: CliRuntime) =>
  new Command('seed').description('Zet de werkagenda uit de brondocumenten in de eventhistorie (idempotent)').action(() =>
    runtime.withServices(async (services) => {
      const actions = await services.get(WerkagendaSeeder).seed();
      const commitments = await services.get(CommitmentsSeeder).seed();
      const commands = actions.commands + commitments.commands;
      console.log(`${commands} nieuwe commando's${commands === 0 ? ' (alles was er al)' : ''}`);
    }),
  );
