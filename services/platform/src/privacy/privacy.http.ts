import { Body, Controller, HttpCode, Inject, NotFoundException, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import type { Pool } from 'pg';
import { z } from 'zod';
import { type CommandContext, EventStore, PersonalDataVault } from '@regie/es-core';
import { Allow, Ctx, DATABASE_URL, IdempotentWrites, Operation, PLATFORM_POOL, Unscoped } from '@regie/nest-kit';
import { ForgetReport } from '../platform.responses';
import { readModels } from '../read-models';
import { forgetPerson } from './forget-person';

class ForgetBody extends createZodDto(
  z.object({
    name: z.string({ error: 'verplicht: de naam van de persoon' }).trim().min(2, 'minstens 2 tekens').max(200, 'maximaal 200 tekens'),
  }),
) {}

/**
 * AVG/GDPR erasure: `POST /api/v1/audit/subjects/forget {name}` deletes the person's key, so every
 * sealed mention — in history, on the bus, in every read model and replay — reads "[verwijderd]".
 * The answer never repeats the name; it says where the name still occurs as plain text.
 */
@ApiTags('audit')
@IdempotentWrites()
@Controller('api/v1/audit/subjects')
export class PrivacyController {
  constructor(
    private readonly store: EventStore,
    private readonly vault: PersonalDataVault,
    @Inject(PLATFORM_POOL) private readonly pool: Pool,
    @Inject(DATABASE_URL) private readonly url: string,
  ) {}

  @Allow('auditor', 'coordinator')
  @Unscoped() // a person is forgotten in every werkagenda at once
  @Post('forget')
  @Operation({
    summary: 'Vergeet een persoon (AVG): verwijdert de sleutel van al zijn persoonsgegevens',
    answers: { type: ForgetReport },
    refusals: [400, 401, 403, 404],
  })
  @HttpCode(200)
  async forget(@Body() body: ForgetBody, @Ctx() ctx: CommandContext) {
    const schemas = readModels(this.url).map((m) => m.schema);
    const report = await forgetPerson({ store: this.store, vault: this.vault, pool: this.pool, readModelSchemas: schemas }, body.name, ctx);
    if (report.status === 'unknown') {
      const plain = report.remaining.events.length + report.remaining.tables.length;
      throw new NotFoundException(
        `Geen persoonsgegevens bekend onder deze naam: er is geen sleutel voor.${plain > 0 ? ' De naam komt wel als platte tekst voor (in oudere events of vrije tekst); die kan vergeten niet bereiken.' : ''}`,
      );
    }
    return report;
  }
}
