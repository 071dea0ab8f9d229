import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { EventStore, IntegrationBus, JobScheduler } from '@regie/es-core';
import { Operation, Public } from '@regie/nest-kit';
import { Health } from './platform.responses';

@ApiTags('platform')
@Controller()
export class HealthController {
  constructor(
    private readonly store: EventStore,
    private readonly bus: IntegrationBus,
    private readonly scheduler: JobScheduler,
  ) {}

  @Public()
  @Get('health')
  @Operation({ summary: 'Meldt of het platform en de eventstore antwoorden', answers: { type: Health } })
  async health() {
    await this.store.headPosition(); // answers only when the store answers
    return { status: 'ok', eventStore: this.store.kind, bus: this.bus.kind, scheduler: this.scheduler.kind };
  }
}
