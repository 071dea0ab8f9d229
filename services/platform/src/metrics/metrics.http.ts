import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@regie/nest-kit';
import { PlatformMetrics } from './platform-metrics';

/**
 * For Prometheus: public like /health, since it shows counts and durations, never content or people.
 * Outside the OpenAPI document: its format is Prometheus's, and docs/operations.md lists the metrics.
 */
@ApiExcludeController()
@Controller()
export class MetricsController {
  constructor(private readonly metrics: PlatformMetrics) {}

  @Public()
  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
