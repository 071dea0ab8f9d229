import { Controller, Get, Header } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { asyncApiDocument } from '@regie/contracts-catalog';
import { Operation, Public } from '@regie/nest-kit';
import { AsyncApiDocument } from './platform.responses';

/** The event contract as a product: what the contexts publish on Kafka, for integrators and their tools. */
@ApiTags('platform')
@Controller('api')
export class AsyncApiController {
  private readonly document = asyncApiDocument();

  @Public()
  @Get('asyncapi.json')
  @Operation({
    summary: 'Geeft het AsyncAPI 3-document van de integratie-events',
    description: 'Topics, sleutels en berichtversies met JSON Schema.',
    answers: { type: AsyncApiDocument },
  })
  @Header('Content-Type', 'application/json; charset=utf-8')
  asyncApi() {
    return this.document;
  }
}
