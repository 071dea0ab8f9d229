import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Clock, type CommandContext, DomainError, newId, stableId } from '@regie/es-core';
import { MEETING_KINDS, type SeededKind, type SeriesDefinition } from '../series/meeting-series';
import { MeetingSeries } from '../meetings.commands';
import { MEETINGS_CONFIG, type MeetingsConfig } from '../shared/config';
import { SERIES_SEED, SERIES_WERKAGENDA_ID } from './series.seed-data';

export const seriesIdOf = (kind: SeededKind): string => stableId(`meeting-series:${kind}`);

/** The series as seeded: the werkagenda's table, with the configured or example first date. */
export function seriesDefinitions(config: Pick<MeetingsConfig, 'firstOccurrence'>): SeriesDefinition[] {
  return MEETING_KINDS.map((kind) => {
    const { exampleFirst, ...seed } = SERIES_SEED[kind];
    const configured = config.firstOccurrence[kind];
    const first = configured ?? exampleFirst;
    return {
      seriesId: seriesIdOf(kind),
      werkagendaId: SERIES_WERKAGENDA_ID,
      ...seed,
      firstDate: first.date,
      localTime: first.time,
      example: !configured,
    };
  });
}

/** Defines the four series through the command bus; a second run records nothing. */
@Injectable()
export class MeetingSeriesSeeder {
  private readonly logger = new Logger('seed');

  constructor(
    private readonly commands: CommandBus,
    private readonly clock: Clock,
    @Inject(MEETINGS_CONFIG) private readonly config: MeetingsConfig,
  ) {}

  async seed(): Promise<{ commands: number; position: number }> {
    let commands = 0;
    let position = 0;
    for (const definition of seriesDefinitions(this.config)) {
      const context: CommandContext = {
        actor: { userId: 'seed', role: 'system' },
        correlationId: stableId('seed:meetings'),
        causationId: newId(),
        now: this.clock.now(),
      };
      let result;
      try {
        result = await this.commands.execute(
          new MeetingSeries.Command(definition.seriesId, { type: 'DefineMeetingSeries', data: definition }, context),
        );
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        // E.g. REGIE_FIRST_KERNGROEP changed after the series was defined: history stays as it is.
        this.logger.warn(`overlegvorm ${definition.kind}: ${error.message}; de vastgelegde reeks blijft gelden`);
        continue;
      }
      if (result.events.length > 0) commands++;
      position = Math.max(position, result.position);
    }
    if (commands > 0) this.logger.log(`overlegvormen seeded: ${commands}`);
    return { commands, position };
  }
}
