import 'reflect-metadata';
import { takeOverShutdownSignals } from '@regie/embedded-postgres';
import type { Logger } from 'pino';
import { startBanner } from './banner';
import { ConfigError, loadConfig } from './config';
import { platformLogger, startPlatform } from './platform';

let logger: Logger | undefined;

/** `npm start`: the whole platform in one process (embedded default unless configured). */
async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  logger = platformLogger(config);
  // What the operator must see at any REGIE_LOG_LEVEL (the local accounts' password, the address), as info.
  const notices = logger.child({ context: 'regie' }, { level: logger.isLevelEnabled('info') ? logger.level : 'info' });
  const platform = await startPlatform(config, (line) => notices.info(line), logger);
  const where = platform.adapters.database.embedded
    ? `embedded PostgreSQL, data dir ${platform.adapters.database.embedded.dataDir} (port ${platform.adapters.database.embedded.port})`
    : 'PostgreSQL from DATABASE_URL';
  notices.info(
    startBanner({
      url: platform.url,
      services: config.REGIE_SERVICES,
      startedInSeconds: (Date.now() - started) / 1000,
      data: where,
      localAccounts: Boolean(platform.adapters.localAccounts),
      seeded: platform.seeded?.commands,
    }),
  );
  // A clean stop finishes requests, commits and disconnects; one that hangs (a broker or database
  // that stopped answering) must not keep the process alive: after the grace time, or at a second
  // signal, it exits anyway, with status 1 and saying so. Nothing is lost: appends are transactions.
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      notices.error(`${signal} tijdens het afsluiten: het proces stopt nu`);
      process.exit(1);
    }
    stopping = true;
    notices.info(`${signal}: afsluiten…`);
    setTimeout(() => {
      notices.error(`afsluiten duurde langer dan ${SHUTDOWN_GRACE_MS / 1000} s: het proces stopt nu`);
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    platform.close().then(
      () => process.exit(0),
      (error) => {
        notices.error(error);
        process.exit(1);
      },
    );
  };
  takeOverShutdownSignals(); // the embedded database stops last, in platform.close(), not at the signal
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

const SHUTDOWN_GRACE_MS = 15_000;

main().catch((error) => {
  // A bad configuration leaves no logger to write with (its format may be what is wrong): plain text for the person starting it.
  if (error instanceof ConfigError || !logger)
    process.stderr.write(`${error instanceof ConfigError ? error.message : String(error?.stack ?? error)}\n`);
  else logger.fatal(error);
  process.exit(1);
});
