import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { readFileSync } from 'node:fs';
import { Presets, SingleBar } from 'cli-progress';
import { CommitmentsSeeder, TweedeKamerImporter } from '@regie/commitments';
import { readModels } from './read-models';
import { Command } from 'commander';
import { WerkagendaSeeder } from '@regie/actions';
import { verifyChain } from '@regie/es-postgres';
import { openAdapters, type OpenAdapters, postgresStoreOf } from './adapters';
import { PlatformModule } from './app.module';
import { forgetPerson } from './privacy/forget-person';
import { parseReplayTarget, replay, type ReplayOptions, selectReadModels } from './replay';
import { newId } from '@regie/es-core';
import { loadConfig } from './config';

/** `npm run regie -- <command>`: operations on the platform's data. */
const program = new Command('regie').description('Beheer van het Regie-platform');

const withAdapters = async <T>(work: (adapters: OpenAdapters) => Promise<T>): Promise<T> => {
  const adapters = await openAdapters(loadConfig(), (line) => console.error(`[regie] ${line}`), 'tool');
  try {
    return await work(adapters);
  } finally {
    await adapters.close();
  }
};

/** The services booted without HTTP, for commands that go through their command bus. */
let services: INestApplicationContext | undefined;

/** Boots the services without HTTP, so they register their jobs and re-derive what is scheduled. */
const withServices = (work: (adapters: OpenAdapters) => Promise<void>) =>
  withAdapters(async (adapters) => {
    services = await NestFactory.createApplicationContext(PlatformModule.forRoot(adapters, loadConfig().REGIE_SERVICES), {
      logger: ['error', 'warn'],
    });
    try {
      await adapters.scheduler.start();
      await work(adapters);
    } finally {
      await services.close();
      services = undefined;
    }
  });

program
  .command('seed')
  .description('Zet de werkagenda uit de brondocumenten in de eventhistorie (idempotent)')
  .action(() =>
    withServices(async () => {
      const actions = await services!.get(WerkagendaSeeder).seed();
      const commitments = await services!.get(CommitmentsSeeder).seed();
      const commands = actions.commands + commitments.commands;
      console.log(`${commands} nieuwe commando's${commands === 0 ? ' (alles was er al)' : ''}`);
    }),
  );

program
  .command('status')
  .description('Toont de eventstore, de projecties en of de server draait')
  .action(() =>
    withAdapters(async ({ store, pool, database, databaseUrl }) => {
      const head = await store.headPosition();
      const { rows: streams } = await pool.query(`SELECT count(*)::int AS n FROM es.streams WHERE revision >= 0`);
      const { rows: types } = await pool.query(`SELECT type, count(*)::int AS n FROM es.events GROUP BY type ORDER BY n DESC, type`);
      const checkpoints: { name: string; position: string }[] = [];
      const consumers: string[] = [];
      for (const model of readModels(databaseUrl)) {
        const { rows } = await pool
          .query(`SELECT $1 || '.' || name AS name, position FROM "${model.schema}".projection_checkpoints ORDER BY name`, [model.schema])
          .catch(() => ({ rows: [] }));
        checkpoints.push(...rows);
        const consumed = await pool
          .query(
            `SELECT consumer AS name, max(position) AS position FROM "${model.schema}".processed_messages GROUP BY consumer ORDER BY consumer`,
          )
          .catch(() => ({ rows: [] }));
        for (const r of consumed.rows as { name: string; position: string }[])
          consumers.push(`  ${r.name.padEnd(28)} laatste bericht van positie ${r.position}`);
      }
      const port = loadConfig().PORT;
      const health = await fetch(`http://localhost:${port}/health`).then(
        (r) => (r.ok ? 'draait' : `antwoordt ${r.status}`),
        () => 'draait niet',
      );
      console.log(`Database       ${database.embedded ? `embedded, ${database.embedded.dataDir}` : 'DATABASE_URL'}`);
      console.log(`Server         ${health} (poort ${port})`);
      console.log(`Eventstore     ${head} events in ${streams[0].n} streams`);
      for (const t of types) console.log(`  ${t.type.padEnd(28)} ${t.n}`);
      console.log('Projecties');
      for (const c of checkpoints) console.log(`  ${c.name.padEnd(28)} positie ${c.position} (achterstand ${head - Number(c.position)})`);
      if (consumers.length) console.log(`Consumenten van andere contexten\n${consumers.join('\n')}`);
      const privacy = await pool
        .query(
          `SELECT (SELECT count(*)::int FROM privacy.subject_keys) AS subjects, (SELECT count(*)::int FROM privacy.erasures) AS erased`,
        )
        .catch(() => ({ rows: [] as { subjects: number; erased: number }[] }));
      if (privacy.rows[0])
        console.log(`Persoonsgegevens ${privacy.rows[0].subjects} betrokkenen met een sleutel, ${privacy.rows[0].erased} vergeten`);
    }),
  );

program
  .command('replay')
  .description('Bouwt de read models opnieuw op uit de eventhistorie en vergelijkt ze met de live tabellen')
  .option('--service <naam>', 'alleen de read model van deze dienst: actions, commitments, meetings of monitoring')
  .option(
    '--to <positie|tijdstip>',
    'bouw op tot en met deze positie, of tot dit tijdstip (zoals ?asOf), om te vergelijken; nooit met --swap',
  )
  .option('--swap', 'vervang de live tabellen door de herbouwde, terwijl de server gewoon doordraait')
  .option('--resume', 'ga verder met een onderbroken herbouw in plaats van opnieuw te beginnen')
  .action((options: ReplayOptions) =>
    withAdapters(async ({ store, databaseUrl }) => {
      const models = selectReadModels(readModels(databaseUrl), options.service);
      const target = options.to === undefined ? undefined : parseReplayTarget(options.to);
      const head = await store.headPosition();
      // One pass over the store: each page of events is read once and applied to every read model.
      const bar = progressBar(
        models.map((m) => m.name).join(', '),
        target && 'position' in target ? Math.min(head, target.position) : head,
      );
      const outcomes = await replay(store, models, options, (p) => bar.update(p)).finally(() => bar.stop());
      for (const o of outcomes) {
        const upTo =
          target && 'time' in target ? `de events tot ${target.time.toISOString()} (positie ${o.position})` : `positie ${o.position}`;
        const compared = o.differences.length === 0 ? 'gelijk aan live' : `verschilt van live in ${o.differences.join(', ')}`;
        console.log(
          `${o.model}: herbouwd tot en met ${upTo}; ${compared}${target ? ` (de herbouwde tabellen staan in schema ${o.schema})` : ''}`,
        );
        if (o.swappedTo !== undefined)
          console.log(`${o.model}: herbouwde tabellen staan nu live (bijgewerkt tot positie ${o.swappedTo}, zonder de server te stoppen)`);
      }
      // Without a target a difference is a fault; with one, the differences are the answer.
      if (!target && !options.swap && outcomes.some((o) => o.differences.length > 0)) process.exitCode = 1;
    }),
  );

program
  .command('import')
  .description('Importeert toezeggingen uit een Tweede Kamer open-data bestand (OData JSON {"value":[Toezegging…]}); idempotent')
  .argument('<source>', 'tweede-kamer')
  .argument('<file>', 'pad naar het JSON-bestand')
  .action((source: string, file: string) =>
    withServices(async () => {
      if (source !== 'tweede-kamer') throw new Error(`onbekende bron ${source}: alleen tweede-kamer`);
      const summary = await services!.get(TweedeKamerImporter).import(JSON.parse(readFileSync(file, 'utf8')));
      console.log(JSON.stringify(summary, null, 2));
      if (summary.rejected.length > 0) process.exitCode = 1;
    }),
  );

program
  .command('verify')
  .description('Herberekent de hashketen over de hele eventhistorie en meldt de eerste breuk')
  .action(() =>
    withAdapters(async ({ store, clock }) => {
      const postgres = postgresStoreOf(store);
      if (!postgres) throw new Error('verify werkt (nog) alleen met de PostgreSQL-eventstore');
      const report = await verifyChain(postgres.sqlPool, postgres.schemaName, undefined, clock.now());
      console.log(`${report.ok ? 'In orde' : 'NIET in orde'}: ${report.events} events gecontroleerd`);
      console.log(`Kop van de keten: positie ${report.head.position}, hash ${report.head.hash}`);
      for (const p of report.problems) console.log(`  positie ${p.position}: ${p.kind}: ${p.detail}`);
      if (!report.ok) process.exitCode = 1;
    }),
  );

program
  .command('forget')
  .description('Vergeet een persoon (AVG): verwijdert de sleutel van diens naam; overal staat dan "[verwijderd]"')
  .argument('<name>', 'de naam zoals die is vastgelegd, bijvoorbeeld "C. Helder"')
  .option('--actor <id>', 'wie dit vraagt (komt in de historie)', 'regie-cli')
  .action((name: string, options: { actor: string }) =>
    withAdapters(async ({ store, vault, pool, clock, databaseUrl }) => {
      const context = { actor: { userId: options.actor, role: 'auditor' }, correlationId: newId(), causationId: newId(), now: clock.now() };
      const report = await forgetPerson(
        { store, vault, pool, readModelSchemas: readModels(databaseUrl).map((m) => m.schema) },
        name,
        context,
      );
      const says = {
        forgotten: `Vergeten: de sleutel van betrokkene ${'subject' in report ? report.subject : ''} is verwijderd`,
        'already-forgotten': 'Was al vergeten',
        unknown: 'Onbekend: voor deze naam is geen sleutel',
      };
      console.log(`${says[report.status]}${'erasedAt' in report ? ` (${report.erasedAt})` : ''}`);
      for (const e of report.remaining.events) console.log(`  nog als platte tekst in event ${e.position} (${e.type}, ${e.streamId})`);
      for (const t of report.remaining.tables) console.log(`  nog als platte tekst in ${t.table}: ${t.rows} rijen`);
      if (report.status === 'unknown') process.exitCode = 1;
    }),
  );

const jobs = program.command('jobs').description('Geplande taken (bijvoorbeeld termijnbewaking van toezeggingen)');

jobs
  .command('list')
  .description('Toont wat er gepland staat en wanneer')
  .action(() =>
    withServices(async ({ scheduler }) => {
      const waiting = await scheduler.list();
      console.log(`${waiting.length} geplande taken (${scheduler.kind})`);
      for (const job of waiting) console.log(`  ${job.runAt.toISOString()}  ${job.name.padEnd(24)} ${job.key}`);
    }),
  );

jobs
  .command('run <name>')
  .description('Voert alle geplande taken met deze naam nu uit')
  .action((name: string) =>
    withServices(async ({ scheduler }) => {
      const count = await scheduler.runNow(name);
      console.log(`${count} taken '${name}' uitgevoerd`);
    }),
  );

/** Events/s and ETA on stderr, so stdout stays the report. */
function progressBar(name: string, total: number) {
  const bar = new SingleBar(
    {
      format: `${name.padEnd(12)} {bar} {percentage}% | {value}/{total} events | {speed} ev/s | nog {eta_formatted}`,
      stream: process.stderr,
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  const started = Date.now();
  bar.start(Math.max(total, 1), 0, { speed: 0 });
  return {
    update: (position: number) => bar.update(position, { speed: Math.round(position / Math.max((Date.now() - started) / 1000, 0.001)) }),
    stop: () => bar.stop(),
  };
}

program.parseAsync().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
