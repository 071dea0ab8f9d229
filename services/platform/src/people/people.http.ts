import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import type { Pool } from 'pg';
import { z } from 'zod';
import { Commands, ReadModel } from '@regie/context';
import {
  type CommandContext,
  EventStore,
  IllegalTransition,
  newIdFor,
  PersonalDataVault,
  REDACTED_NAME,
  type SealedName,
} from '@regie/es-core';
import {
  ActorNames,
  Allow,
  Changed,
  Created,
  Ctx,
  DATABASE_URL,
  IdempotentWrites,
  Operation,
  PLATFORM_POOL,
  type Refusal,
  Unscoped,
  withRevision,
  zodParam,
} from '@regie/nest-kit';
import { ForgetReport } from '../platform.responses';
import { forgetPersonById } from '../privacy/forget-person';
import { readModels } from '../read-models';
import { Person } from './people.context';
import { PeopleQueries } from './people.read-model';
import { ActorNamesAnswer, PersonAnswer } from './people.responses';
import type { PersonCommand } from './person.decide';
import { compareDutch } from '@regie/calendar';

const displayName = z
  .string({ error: 'verplicht: de weergavenaam, bijvoorbeeld "C. de Vries"' })
  .trim()
  .min(2, 'minstens 2 tekens')
  .max(200, 'maximaal 200 tekens');
/** The function ("coördinator werkagenda"); an empty text clears it. */
const fn = z
  .string({ error: 'de functie is tekst, bijvoorbeeld "coördinator werkagenda"; leeg om haar te wissen' })
  .trim()
  .max(200, 'maximaal 200 tekens')
  .transform((value) => (value === '' ? null : value));
const organisation = z
  .string({ error: 'verplicht: de organisatie, een partijcode als VWS of vrije tekst' })
  .trim()
  .min(1, 'mag niet leeg zijn')
  .max(200, 'maximaal 200 tekens');

class RegisterPersonBody extends createZodDto(z.strictObject({ name: displayName, function: fn.optional(), organisation })) {}
class ChangePersonBody extends createZodDto(
  z
    .strictObject({ name: displayName.optional(), function: fn.optional(), organisation: organisation.optional() })
    .refine((b) => Object.keys(b).length > 0, { message: 'geef minstens één van name, function of organisation', path: ['name'] }),
) {}
class ActorsQuery extends createZodDto(
  z.object({
    ids: z
      .string({ error: 'verplicht: account-ids, gescheiden door komma’s' })
      .transform((s) =>
        s
          .split(',')
          .map((id) => id.trim())
          .filter((id) => id !== ''),
      )
      .pipe(z.array(z.string().max(200, 'maximaal 200 tekens per id')).min(1, 'noem minstens één account-id').max(200, 'maximaal 200 ids')),
  }),
) {}

const id = zodParam('id', z.uuid('verwacht een id (uuid)'));
const refusals: Refusal[] = [400, 401, 403, 404, 409];

/**
 * The directory of persons: who is behind an account or an actiehouder, with function and
 * organisation. Names are personal data: sealed in events and read model, opened in answers,
 * and forgotten by deleting their key. Every signed-in role reads; beheerder and coördinator write.
 */
@ApiTags('people')
@IdempotentWrites()
@Controller('api/v1/people')
export class PeopleController {
  constructor(
    private readonly commands: Commands,
    private readonly store: EventStore,
    private readonly queries: PeopleQueries,
    private readonly readModel: ReadModel<PeopleQueries>,
    private readonly vault: PersonalDataVault,
    private readonly actors: ActorNames,
    @Inject(PLATFORM_POOL) private readonly pool: Pool,
    @Inject(DATABASE_URL) private readonly url: string,
  ) {}

  @Get()
  @Operation({ summary: 'Geeft de personen in het personenregister, op naam', answers: { type: [PersonAnswer] }, refusals: [401] })
  async list() {
    const { queries, remember } = await this.readModel.at();
    const people = await remember('people', () => queries.list()); // names sealed: opened here, for each answer
    const names = await this.vault.open(people.map((p) => p.name));
    // Forgotten by name elsewhere (the audit's forget): their key is gone, so they are no longer in the directory.
    return people
      .map((person, i) => ({ person, name: names[i] }))
      .filter(({ name }) => name !== REDACTED_NAME)
      .sort((a, b) => compareDutch(a.name, b.name) || a.person.id.localeCompare(b.person.id))
      .map(({ person }) => person);
  }

  @Get('actors')
  @Operation({
    summary: 'Zegt wie een actor is, in woorden: "C. de Vries, coördinator werkagenda", "eerste inrichting"',
    description: 'Voor de historie en de schermen: nooit een account-id. `ids` is een lijst account-ids gescheiden door komma’s.',
    answers: { type: ActorNamesAnswer },
    refusals: [400, 401],
  })
  async describe(@Query() query: ActorsQuery) {
    return Object.fromEntries(await this.actors.describe(query.ids as unknown as string[]));
  }

  @Get(':id')
  @Operation({ summary: 'Geeft één persoon uit het personenregister', answers: { type: PersonAnswer }, refusals: [400, 401, 404] })
  get(@Param('id', id) personId: string) {
    return this.queries.get(personId);
  }

  @Post()
  @Allow('beheerder', 'coordinator')
  @Unscoped()
  @Operation({ summary: 'Neemt een persoon op in het personenregister', status: 201, answers: { type: Created }, refusals })
  async register(@Body() body: RegisterPersonBody, @Ctx() ctx: CommandContext, @Res({ passthrough: true }) res: Response) {
    const name = await this.vault.seal(body.name);
    await this.refuseTaken(name);
    const personId = newIdFor(ctx, 'person');
    const command: PersonCommand = {
      type: 'RegisterPerson',
      data: { personId, name, function: body.function ?? null, organisation: body.organisation, registeredAt: ctx.now.toISOString() },
    };
    const result = await this.run(personId, command, ctx);
    return withRevision(res, result.revision, { id: personId });
  }

  @Patch(':id')
  @Allow('beheerder', 'coordinator')
  @Unscoped()
  @Operation({ summary: 'Wijzigt naam, functie of organisatie van een persoon', answers: { type: Changed }, refusals })
  async change(
    @Param('id', id) personId: string,
    @Body() body: ChangePersonBody,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    await this.queries.get(personId);
    const name = body.name !== undefined ? await this.vault.seal(body.name) : undefined;
    if (name) await this.refuseTaken(name, personId);
    const command: PersonCommand = {
      type: 'ChangePerson',
      data: {
        personId,
        changedAt: ctx.now.toISOString(),
        ...(name ? { name } : {}),
        ...(body.function !== undefined ? { function: body.function } : {}),
        ...(body.organisation !== undefined ? { organisation: body.organisation } : {}),
      },
    };
    const result = await this.run(personId, command, ctx);
    return withRevision(res, result.revision, { id: personId, revision: result.revision });
  }

  @Post(':id/forget')
  @Allow('beheerder', 'auditor', 'coordinator')
  @Unscoped()
  @Operation({
    summary: 'Vergeet een persoon (AVG): verwijdert de sleutel van de naam, overal leest die "[verwijderd]"',
    answers: { type: ForgetReport },
    refusals: [400, 401, 403, 404],
  })
  @HttpCode(200)
  async forget(@Param('id', id) personId: string, @Ctx() ctx: CommandContext) {
    const person = await this.queries.get(personId);
    const report = await forgetPersonById(
      {
        store: this.store,
        vault: this.vault,
        pool: this.pool,
        readModelSchemas: readModels(this.url).map((m) => m.schema),
      },
      person,
      ctx,
    );
    await this.run(personId, { type: 'ForgetPerson', data: { personId, forgottenAt: ctx.now.toISOString() } }, ctx);
    return report;
  }

  /** 409 when the name is someone else's already (same data subject: normalised the same). */
  private async refuseTaken(name: SealedName, self?: string): Promise<void> {
    const holder = await this.queries.withSubject(name.subject);
    if (holder && holder !== self) throw new IllegalTransition('er staat al een persoon met deze naam in het personenregister');
  }

  private run(personId: string, command: PersonCommand, ctx: CommandContext) {
    return this.commands.run(new Person.Command(personId, command, ctx));
  }
}
