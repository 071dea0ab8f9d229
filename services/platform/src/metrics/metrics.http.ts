import { Controller, Get, Header } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Operation, Public } from '@regie/nest-kit';
import { PlatformMetrics } from './platform-metrics';

/** For Prometheus: public like /health, since it shows counts and durations, never content or people. */
@ApiTags('platform')
@Controller()
export class MetricsController {
  constructor(private readonly metrics: PlatformMetrics) {}

  @Public()
  @Get('metrics')
  @Operation({
    summary: 'Geeft de meetwaarden van dit proces voor Prometheus',
    description: 'Prometheus-tekstformaat: HTTP-verzoeken, appends, achterstand van leesmodellen en relays, geplande taken.',
    answers: { mediaType: 'text/plain; version=0.0.4' },
  })
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
