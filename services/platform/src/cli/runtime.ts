import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { openAdapters, type OpenAdapters } from '../adapters';
import { PlatformModule } from '../app.module';
import { loadConfig, type PlatformConfig } from '../config';

/** What a command gets to work with: the platform's adapters, and if it needs them its services. */
export interface CliRuntime {
  /** Read when a command runs, not when the program is defined, so `--help` works without a valid configuration. */
  config(): PlatformConfig;
  /** Opens the adapters the configuration names (a guest on a running embedded database) and closes them after `work`. */
  withAdapters<T>(work: (adapters: OpenAdapters) => Promise<T>): Promise<T>;
  /**
   * Boots the services without HTTP around `work`, for commands that go through their command bus;
   * booted, they register their jobs and re-derive what is scheduled.
   */
  withServices<T>(work: (services: INestApplicationContext, adapters: OpenAdapters) => Promise<T>): Promise<T>;
}

/** The runtime of `npm run regie`: logs on stderr, so stdout stays the command's report. */
export function cliRuntime(log: (line: string) => void = (line) => console.error(`[regie] ${line}`)): CliRuntime {
  const withOpen = async <T>(config: PlatformConfig, work: (adapters: OpenAdapters) => Promise<T>): Promise<T> => {
    const adapters = await openAdapters(config, log, 'tool');
    try {
      return await work(adapters);
    } finally {
      await adapters.close();
    }
  };
  return {
    config: () => loadConfig(),
    withAdapters: (work) => withOpen(loadConfig(), work),
    withServices: (work) => {
      const config = loadConfig();
      return withOpen(config, async (adapters) => {
        const services = await NestFactory.createApplicationContext(PlatformModule.forRoot(adapters, config.REGIE_SERVICES), {
          logger: ['error', 'warn'],
        });
        try {
          await adapters.scheduler.start();
          return await work(services, adapters);
        } finally {
          await services.close();
        }
      });
    },
  };
}
