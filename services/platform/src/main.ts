import 'reflect-metadata';
import { takeOverShutdownSignals } from '@regie/embedded-postgres';
import { startBanner } from './banner';
import { ConfigError, loadConfig } from './config';
import { startPlatform } from './platform';

/** `npm start`: the whole platform in one process (embedded default unless configured). */
async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  const platform = await startPlatform(config, (line) => console.log(`[regie] ${line}`));
  const where = platform.adapters.database.embedded
    ? `embedded PostgreSQL, data dir ${platform.adapters.database.embedded.dataDir} (port ${platform.adapters.database.embedded.port})`
    : 'PostgreSQL from DATABASE_URL';
  console.log(
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
      console.error(`[regie] ${signal} tijdens het afsluiten: het proces stopt nu`);
      process.exit(1);
    }
    stopping = true;
    console.log(`[regie] ${signal}: afsluiten…`);
    setTimeout(() => {
      console.error(`[regie] afsluiten duurde langer dan ${SHUTDOWN_GRACE_MS / 1000} s: het proces stopt nu`);
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    platform.close().then(
      () => process.exit(0),
      (error) => {
        console.error(error);
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
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
