import { Inject, type Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  type CommandContext,
  type Decider,
  type DomainEvent,
  EventStore,
  handleCommand,
  type HandleResult,
  type SnapshotOptions,
  type Upcaster,
  Upcasters,
} from '@regie/es-core';
import { inSpan } from '@regie/nest-kit';

/** What a hook of an aggregate may use: the store, and any provider of its module. */
export interface AggregateHookContext {
  store: EventStore;
  get<T>(token: Type<T> | symbol | string): T;
}

export interface AggregateSpec<C extends { type: string }, E extends DomainEvent, S, O extends object> {
  /** The stream id of one instance: `milestone-<id>`. */
  stream: (id: string) => string;
  decider: Decider<C, E, S>;
  /** The aggregate's upcasters: new events are written at their current schema versions, whichever store is underneath. */
  upcasters?: readonly Upcaster[];
  /**
   * Decider-state snapshots for aggregates with long streams (an action's progress reports): a
   * command folds only the events after the newest snapshot. Bump `version` whenever the decider's
   * evolve, its state or its upcasters change. Off unless set.
   */
  snapshot?: SnapshotOptions;
  /** Checks that need another stream (e.g. that the action a mijlpaal is planned on exists); throws to refuse. */
  before?: (command: C, hook: AggregateHookContext) => Promise<void>;
  /** Follow-up after the command was handled (e.g. bring scheduled jobs in line with the new state). */
  after?: (message: AggregateMessage<C, E, O>, result: HandleResult<E>, hook: AggregateHookContext) => Promise<void>;
}

/** The bus command of one aggregate: which instance, the decider's command, and the request context. */
export interface AggregateMessage<C, E extends DomainEvent, O extends object = object> extends Command<HandleResult<E>> {
  readonly id: string;
  readonly command: C;
  readonly context: CommandContext;
  readonly options: O;
}

export interface Aggregate<C extends { type: string }, E extends DomainEvent, O extends object> {
  /** `new Milestone.Command(id, command, ctx)`: `CommandBus.execute` answers `HandleResult<MilestoneEvent>`. */
  Command: new (id: string, command: C, context: CommandContext, options?: O) => AggregateMessage<C, E, O>;
  /** Its @nestjs/cqrs handler, registered by `defineContext`. */
  Handler: Type<ICommandHandler>;
}

/**
 * One aggregate on the command bus: its command class, typed by its events, and the handler
 * that reads, decides and appends through `handleCommand`. A context lists its aggregates once
 * (`<context>.commands.ts`); routes send `new X.Command(id, command, ctx)`.
 */
export function defineAggregate<C extends { type: string }, E extends DomainEvent, S, O extends object = object>(
  spec: AggregateSpec<C, E, S, O>,
): Aggregate<C, E, O> {
  const schemaVersions = spec.upcasters ? new Upcasters([...spec.upcasters]).currentVersions : {};

  class Message extends Command<HandleResult<E>> implements AggregateMessage<C, E, O> {
    readonly options: O;
    constructor(
      readonly id: string,
      readonly command: C,
      readonly context: CommandContext,
      options?: O,
    ) {
      super();
      this.options = options ?? ({} as O);
    }
  }

  @CommandHandler(Message)
  class Handler implements ICommandHandler<Message, HandleResult<E>> {
    private readonly hook: AggregateHookContext;

    constructor(
      @Inject(EventStore) private readonly store: EventStore,
      @Inject(ModuleRef) modules: ModuleRef,
    ) {
      this.hook = { store, get: (token) => modules.get(token, { strict: false }) };
    }

    /** In a span of its own (a no-op while traces are off), within the request's. */
    execute(message: Message): Promise<HandleResult<E>> {
      const streamId = spec.stream(message.id);
      return inSpan(
        `command ${message.command.type}`,
        {
          attributes: {
            'regie.command': message.command.type,
            'regie.stream_id': streamId,
            'regie.correlation_id': message.context.correlationId,
          },
        },
        () => this.handle(message),
      );
    }

    private async handle(message: Message): Promise<HandleResult<E>> {
      await spec.before?.(message.command, this.hook);
      const result = await handleCommand(
        this.store,
        spec.stream(message.id),
        spec.decider,
        message.command,
        message.context,
        schemaVersions,
        spec.snapshot,
      );
      await spec.after?.(message, result, this.hook);
      return result;
    }
  }

  return { Command: Message, Handler };
}
