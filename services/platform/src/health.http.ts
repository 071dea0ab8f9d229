import { Controller, Get, HttpStatus, Inject, Res, ServiceUnavailableException } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { ApiExcludeEndpoint, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, type HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import type { Response } from 'express';
import { ReadModel } from '@regie/context';
import { EventStore, IntegrationBus, JobScheduler } from '@regie/es-core';
import { Operation, Public } from '@regie/nest-kit';
import { Health } from './platform.responses';
import type { ServiceName } from './services';

/** What this process hosts and how far behind its read models may be while it still counts as ready. */
export interface HealthOptions {
  services: ServiceName[];
  /** Store events a hosted read model may be behind (REGIE_READY_MAX_LAG). */
  maxLag: number;
}
export const HEALTH_OPTIONS = Symbol('HealthOptions');

/** A probe that does not answer within this time counts as down: an orchestrator's probe must not hang. */
const PROBE_TIMEOUT_MS = 3_000;
/** How long the store's last answer counts for /health. */
const STORE_ANSWER_VALID_MS = 1_000;

/**
 * Liveness (the process answers: restart it if not) and readiness (it can serve: send it traffic
 * only then). Readiness checks the event store, how far each hosted read model is behind the
 * store's head, the bus and the job scheduler; when one fails it answers 503 with terminus's
 * body (`info`, `error`, `details` per check) and `detail`, the reasons in Dutch. The probes are
 * for orchestrators and operators, not API clients, so they stay out of the OpenAPI document.
 */
@ApiTags('platform')
@Controller()
export class HealthController {
  constructor(
    private readonly store: EventStore,
    private readonly bus: IntegrationBus,
    private readonly scheduler: JobScheduler,
    private readonly checks: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    private readonly discovery: DiscoveryService,
    @Inject(HEALTH_OPTIONS) private readonly options: HealthOptions,
  ) {}

  @Public()
  @Get('health')
  @Operation({
    summary: 'Meldt of het platform en de eventstore antwoorden, en welke services dit proces draait',
    answers: { type: Health },
  })
  async health() {
    await this.storeAnswers(); // answers only when the store answers
    return {
      status: 'ok',
      eventStore: this.store.kind,
      bus: this.bus.kind,
      scheduler: this.scheduler.kind,
      services: this.options.services,
    };
  }

  /** The last time the store answered, and the question to it under way. */
  private storeAnsweredAt = -Infinity;
  private asking?: Promise<unknown>;

  /**
   * The store answered within the last second, or answers now. Requests at the same moment share one
   * question, and under load the store is asked once a second instead of at every request (a probe
   * every few seconds still asks every time).
   */
  private async storeAnswers(): Promise<void> {
    if (performance.now() - this.storeAnsweredAt < STORE_ANSWER_VALID_MS) return;
    this.asking ??= this.store.headPosition().then(
      () => {
        this.storeAnsweredAt = performance.now();
        this.asking = undefined;
      },
      (error: unknown) => {
        this.asking = undefined;
        throw error;
      },
    );
    await this.asking;
  }

  @Public()
  @Get('health/live')
  @ApiExcludeEndpoint()
  live() {
    return { status: 'ok' };
  }

  @Public()
  @Get('health/ready')
  @ApiExcludeEndpoint()
  async ready(@Res({ passthrough: true }) response: Response) {
    try {
      return await this.checks.check([
        () => this.database(),
        ...this.readModels().map((model) => () => this.readModel(model)),
        () => this.busConnected(),
        () => this.schedulerRunning(),
      ]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      // The filter would turn this into a problem without the checks: the body is the answer.
      const result = error.getResponse() as { error?: Record<string, { message?: string }> };
      const reasons = Object.values(result.error ?? {}).flatMap((check) => (check.message ? [check.message] : []));
      response.status(HttpStatus.SERVICE_UNAVAILABLE);
      return { ...result, detail: `Niet gereed: ${reasons.join('; ')}` };
    }
  }

  private async database(): Promise<HealthIndicatorResult> {
    const check = this.indicator.check('database');
    try {
      return check.up({ head: await withTimeout(this.store.headPosition()) });
    } catch (error) {
      return check.down({ message: `de eventstore (${this.store.kind}) antwoordt niet: ${reason(error)}` });
    }
  }

  private async readModel(model: ReadModel<unknown>): Promise<HealthIndicatorResult> {
    const check = this.indicator.check(`readModel.${model.name}`);
    try {
      const { behind, position, head } = await withTimeout(model.lag());
      const data = { behind, position, head, maxLag: this.options.maxLag };
      if (behind <= this.options.maxLag) return check.up(data);
      return check.down({
        ...data,
        message: `het leesmodel ${model.name} loopt ${behind} events achter op de eventstore (toegestaan: ${this.options.maxLag}, REGIE_READY_MAX_LAG)`,
      });
    } catch (error) {
      return check.down({ message: `de voortgang van het leesmodel ${model.name} is niet te lezen: ${reason(error)}` });
    }
  }

  private async busConnected(): Promise<HealthIndicatorResult> {
    const check = this.indicator.check('bus');
    if (await this.bus.isConnected()) return check.up({ kind: this.bus.kind });
    return check.down({ kind: this.bus.kind, message: `de berichtenbus (${this.bus.kind}) is niet verbonden` });
  }

  private async schedulerRunning(): Promise<HealthIndicatorResult> {
    const check = this.indicator.check('scheduler');
    if (this.scheduler.isRunning()) return check.up({ kind: this.scheduler.kind });
    return check.down({ kind: this.scheduler.kind, message: `de planner van taken (${this.scheduler.kind}) draait niet` });
  }

  /** The read models of the services this process hosts (one per context module). */
  private readModels(): ReadModel<unknown>[] {
    const found = this.discovery.getProviders().map((wrapper): unknown => wrapper.instance);
    return [...new Set(found.filter((instance): instance is ReadModel<unknown> => instance instanceof ReadModel))];
  }
}

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`geen antwoord binnen ${PROBE_TIMEOUT_MS / 1000} s`)), PROBE_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));
