import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { type CommandContext, FIRST_WERKAGENDA_ID } from '@regie/es-core';
import { Allow, Ctx, IdempotentWrites, type LargeBody, Operation, ScopedBy } from '@regie/nest-kit';
import { ImportSummary as ImportAnswer } from '../commitment/commitment.responses';
import { type ImportSummary, TweedeKamerImporter } from './tk-import';

/** The OData envelope; each record is checked on its own so one bad record does not stop the rest. */
class TweedeKamerODataBody extends createZodDto(
  z.looseObject({ value: z.array(z.unknown(), { error: 'verwacht een lijst "value" met Toezegging-records (OData JSON)' }) }),
) {}

/** A full Tweede Kamer export of toezeggingen is several MB: the one body allowed beyond the default limit. */
export const TK_IMPORT_BODY: LargeBody = { path: '/api/v1/commitments/import/tweede-kamer', limit: '20mb' };

@ApiTags('toezeggingen')
@Allow('coordinator')
@ScopedBy({ query: 'werkagendaId', fallback: FIRST_WERKAGENDA_ID }) // the Kamer's toezeggingen on this werkagenda's subject
@IdempotentWrites()
@Controller('api/v1/commitments/import')
export class TweedeKamerImportController {
  constructor(private readonly importer: TweedeKamerImporter) {}

  /** Tweede Kamer open data, entity Toezegging: `{"value": [Toezegging, …]}`. Idempotent by Id. */
  @Post('tweede-kamer')
  @Operation({
    summary: 'Importeert toezeggingen uit de open data van de Tweede Kamer',
    answers: { type: ImportAnswer },
    refusals: [400, 401, 403, 404],
  })
  @HttpCode(200)
  import(@Body() body: TweedeKamerODataBody, @Ctx() ctx: CommandContext): Promise<ImportSummary> {
    return this.importer.import(body, ctx);
  }
}
