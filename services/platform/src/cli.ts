import 'reflect-metadata';
import { Command } from 'commander';
import { forgetCommand } from './cli/forget';
import { importCommand } from './cli/import';
import { jobsCommand } from './cli/jobs';
import { relayCommand } from './cli/relay';
import { replayCommand } from './cli/replay';
import { cliRuntime } from './cli/runtime';
import { seedCommand } from './cli/seed';
import { statusCommand } from './cli/status';
import { verifyCommand } from './cli/verify';

/** `npm run regie -- <command>`: operations on the platform's data, one command per file in ./cli. */
const runtime = cliRuntime();
const program = new Command('regie').description('Beheer van het Regie-platform');
for (const command of [seedCommand, statusCommand, replayCommand, relayCommand, importCommand, verifyCommand, forgetCommand, jobsCommand])
  program.addCommand(command(runtime));

program.parseAsync().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
