import { Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Clock, type CommandContext, DomainError, EventStore, newId, type RecordedEvent, stableId } from '@regie/es-core';
import { indicatorStream } from '../indicator/indicator';
import type { IndicatorCommand } from '../indicator/indicator.decide';
import { Indicator } from '../monitoring.commands';
import { WLZ_GGZ_WONEN } from './indicator.seed-data';

interface SeedStep {
  on: string;
  done: (history: RecordedEvent[]) => boolean;
  command: IndicatorCommand;
}

/**
 * Seeds the documents' indicator through the command bus, so it is ordinary history. Idempotent
 * per step, judged by the stream's content: a second run adds nothing, an interrupted run
 * completes, a step dated after "now" waits for a later start. Measurements are never seeded.
 */
@Injectable()
export class MonitoringSeeder {
  private readonly logger = new Logger('seed');

  constructor(
    private readonly commands: CommandBus,
    private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  async seed(): Promise<{ commands: number }> {
    const today = this.clock.today();
    const seed = WLZ_GGZ_WONEN;
    const history = await this.store.readStream(indicatorStream(seed.indicatorId));
    let commands = 0;
    try {
      for (const step of steps()) {
        if (step.on > today) continue;
        if (step.done(history)) continue;
        await this.commands.execute(new Indicator.Command(seed.indicatorId, step.command, this.context()));
        commands++;
      }
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.logger.warn(`indicator ${seed.indicatorId}: seedstap overgeslagen: ${error.message}`);
    }
    if (commands > 0) this.logger.log(`indicator seeded: ${commands} commands`);
    return { commands };
  }

  private context(): CommandContext {
    return {
      actor: { userId: 'seed', role: 'system' },
      correlationId: stableId('seed:monitoring'),
      causationId: newId(),
      now: this.clock.now(),
    };
  }
}

function steps(): SeedStep[] {
  const s = WLZ_GGZ_WONEN;
  const { indicatorId } = s;
  const has =
    (type: string, match: (d: Record<string, unknown>) => boolean = () => true) =>
    (history: RecordedEvent[]) =>
      history.some((e) => e.type === type && match(e.data as Record<string, unknown>));
  return [
    {
      on: s.on,
      done: has('IndicatorDefined'),
      command: {
        type: 'DefineIndicator',
        data: { indicatorId, title: s.title, unit: s.unit, periodicity: s.periodicity, description: s.description, source: s.source },
      },
    },
    { on: s.on, done: has('IndicatorBaselineSet'), command: { type: 'SetBaseline', data: { indicatorId, ...s.baseline } } },
    ...s.targets.map((t): SeedStep => ({
      on: s.on,
      done: has('IndicatorTargetSet', (d) => d.targetId === t.targetId),
      command: { type: 'SetTarget', data: { indicatorId, ...t } },
    })),
    ...s.assessments.map((a): SeedStep => ({
      on: a.asOf,
      done: has('IndicatorAssessmentNoted', (d) => d.assessmentId === a.assessmentId),
      command: { type: 'NoteAssessment', data: { indicatorId, ...a } },
    })),
  ];
}
