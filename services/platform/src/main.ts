import 'reflect-metadata';
import { takeOverShutdownSignals } from '@regie/embedded-postgres';
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
    [
      '',
      `Regie draait op ${platform.url}  (gestart in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
      ...(config.REGIE_SERVICES.includes('portal') ? [`  Portaal           ${platform.url}/`] : []),
      `  API-documentatie  ${platform.url}/api/docs`,
      `  Gezondheid        ${platform.url}/health`,
      `  Werkagenda        ${platform.url}/api/v1/actions`,
      `  Gegevens          ${where}`,
      platform.adapters.localAccounts
        ? '  Inloggen          lokale accounts coordinator, director, auditor, actiehouder-<code> (wachtwoord: REGIE_LOCAL_PASSWORD)'
        : '  Inloggen          via de OIDC-provider (REGIE_OIDC_ISSUER)',
      platform.seeded
        ? `  Seed              ${platform.seeded.commands} nieuwe commando's (0 = al aanwezig)`
        : '  Seed              uit (REGIE_SEED=false)',
      '',
    ].join('\n'),
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
