import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { asyncApiDocument } from '@regie/contracts-catalog';
import { Public } from '@regie/nest-kit';

/** The event contract as a product: what the contexts publish on Kafka, for integrators and their tools. */
@ApiTags('platform')
@Controller('api')
export class AsyncApiController {
  private readonly document = asyncApiDocument();

  @Public()
  @Get('asyncapi.json')
  @Header('Content-Type', 'application/json; charset=utf-8')
  @ApiOkResponse({ description: 'AsyncAPI 3-document van de integratie-events (topics, sleutels, berichtversies met JSON Schema)' })
  asyncApi() {
    return this.document;
  }
}
