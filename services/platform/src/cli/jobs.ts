import { Command } from 'commander';
import type { CliRuntime } from './runtime';

/** Both boot the services: they register the jobs, and the scheduler runs them with their handlers. */
export const jobsCommand = (runtime: CliRuntime) =>
  new Command('jobs')
    .description('Geplande taken (bijvoorbeeld termijnbewaking van toezeggingen)')
    .addCommand(
      new Command('list').description('Toont wat er gepland staat en wanneer').action(() =>
        runtime.withServices(async (_services, { scheduler }) => {
          const waiting = await scheduler.list();
          console.log(`${waiting.length} geplande taken (${scheduler.kind})`);
          for (const job of waiting) console.log(`  ${job.runAt.toISOString()}  ${job.name.padEnd(24)} ${job.key}`);
        }),
      ),
    )
    .addCommand(
      new Command('run')
        .argument('<name>')
        .description('Voert alle geplande taken met deze naam nu uit')
        .action((name: string) =>
          runtime.withServices(async (_services, { scheduler }) => {
            const count = await scheduler.runNow(name);
            console.log(`${count} taken '${name}' uitgevoerd`);
          }),
        ),
    );
