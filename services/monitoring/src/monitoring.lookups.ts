import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ReadModel } from '@regie/context';
import { FIRST_WERKAGENDA_ID } from '@regie/es-core';
import { WerkagendaLookups } from '@regie/nest-kit';
import type { MonitoringQueries } from './read-model/monitoring.queries';
import { FIRST_WERKAGENDA_KIND } from './shared/werkagenda';

/**
 * How the guard finds the werkagenda of monitoring's routes: an indicator's is the one it was
 * defined in (read model; an unknown id yields none and the route answers 404), and a route that
 * acts on the first werkagenda when no `?werkagendaId=` is given names it with `first-werkagenda`.
 */
@Injectable()
export class MonitoringLookups implements OnModuleInit {
  constructor(
    private readonly lookups: WerkagendaLookups,
    private readonly readModel: ReadModel<MonitoringQueries>,
  ) {}

  onModuleInit(): void {
    this.lookups.register('indicator', (id) => this.readModel.queries.facts.indicatorWerkagenda(id));
    this.lookups.register(FIRST_WERKAGENDA_KIND, async () => FIRST_WERKAGENDA_ID);
  }
}
