import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Pool } from 'pg';
import type { BusMetrics, EventStore, JobScheduler } from '@regie/es-core';
import { readModelProgress, type ReadModelDefinition } from '@regie/read-model';

/** What the scrape-time gauges read: the store's head, the hosted read models' checkpoints, the scheduler's queue. */
export interface MetricSources {
  store: EventStore;
  pool: Pool;
  scheduler: JobScheduler;
  /** The integration bus: consumer lag and dead letters on Kafka; none in-process. */
  bus: BusMetrics;
  /** The read models this process hosts (their checkpoints are in their own schemas). */
  readModels: Pick<ReadModelDefinition, 'name' | 'schema'>[];
}

/** A relay's checkpoint shares the read model's table; its name tells it apart. */
const RELAY_SUFFIX = '-relay';

/**
 * The process's Prometheus registry. Counters and histograms are fed as things happen (requests,
 * appends); every gauge about the store, the read models and the jobs is read when Prometheus scrapes,
 * so a scrape shows the state of that moment and nothing runs between scrapes.
 */
export class PlatformMetrics {
  readonly registry = new Registry();
  private sources?: MetricSources;
  private pending?: Promise<Checkpoint[]>;

  readonly httpDuration = new Histogram({
    name: 'regie_http_request_duration_seconds',
    help: 'Duur van HTTP-verzoeken, per methode, route-sjabloon en status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly appendDuration = new Histogram({
    name: 'regie_event_store_append_duration_seconds',
    help: 'Duur van een append op de eventstore (geslaagd of geweigerd)',
    labelNames: ['outcome'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  readonly appendBatchSize = new Histogram({
    name: 'regie_event_store_append_batch_events',
    help: 'Aantal events per append',
    buckets: [1, 2, 5, 10, 20, 50, 100, 500],
    registers: [this.registry],
  });

  readonly jobsRunning = new Gauge({
    name: 'regie_scheduled_jobs_running',
    help: 'Geplande taken die nu draaien, per taaknaam',
    labelNames: ['job'] as const,
    registers: [this.registry],
  });

  readonly jobRuns = new Counter({
    name: 'regie_scheduled_job_runs_total',
    help: 'Uitgevoerde geplande taken per taaknaam en uitkomst (ok, failed: wordt opnieuw geprobeerd)',
    labelNames: ['job', 'outcome'] as const,
    registers: [this.registry],
  });

  /** `processMetrics`: also Node's own (CPU, memory, event-loop lag), for a serving process only. */
  constructor(options: { processMetrics?: boolean } = {}) {
    if (options.processMetrics) collectDefaultMetrics({ register: this.registry, prefix: 'regie_' });
    const metrics = this;
    new Gauge({
      name: 'regie_event_store_head_position',
      help: 'Globale positie van het nieuwste event in de eventstore (maat voor haar omvang)',
      registers: [this.registry],
      async collect() {
        if (metrics.sources) this.set(await metrics.sources.store.headPosition());
      },
    });
    new Gauge({
      name: 'regie_read_model_behind_events',
      help: 'Hoeveel posities een leesmodel achter de kop van de eventstore ligt',
      labelNames: ['read_model', 'projection'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const p of await metrics.checkpoints()) if (!p.relay) this.set({ read_model: p.readModel, projection: p.name }, p.behind);
      },
    });
    new Gauge({
      name: 'regie_read_model_last_event_age_seconds',
      help: 'Leeftijd van het laatste event dat een leesmodel verwerkte (groeit ook als er niets te doen is)',
      labelNames: ['read_model', 'projection'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const p of await metrics.checkpoints())
          if (!p.relay && p.ageSeconds !== undefined) this.set({ read_model: p.readModel, projection: p.name }, p.ageSeconds);
      },
    });
    new Gauge({
      name: 'regie_relay_backlog_events',
      help: 'Hoeveel posities de relay van een context nog naar de bus moet doorzetten',
      labelNames: ['relay'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const p of await metrics.checkpoints()) if (p.relay) this.set({ relay: p.name }, p.behind);
      },
    });
    new Gauge({
      name: 'regie_scheduled_jobs_waiting',
      help: 'Geplande taken die wachten om te draaien, per taaknaam',
      labelNames: ['job'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        if (!metrics.sources) return;
        const counts = new Map<string, number>();
        for (const job of await metrics.sources.scheduler.list()) counts.set(job.name, (counts.get(job.name) ?? 0) + 1);
        for (const [job, count] of counts) this.set({ job }, count);
      },
    });
    this.busMetrics();
  }

  /** Gauges and counters about the bus, read from it at scrape time. */
  private busMetrics(): void {
    const metrics = this;
    new Gauge({
      name: 'regie_kafka_consumer_lag',
      help: 'Berichten op een Kafka-partitie die een consumentengroep van dit proces nog niet verwerkte (hoogste offset min vastgelegde offset)',
      labelNames: ['group', 'topic', 'partition'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const l of (await metrics.sources?.bus.consumerLag()) ?? [])
          this.set({ group: l.group, topic: l.topic, partition: String(l.partition) }, l.lag);
      },
    });
    new Counter({
      name: 'regie_bus_dead_letters_total',
      help: 'Berichten die de consumenten van dit proces naar het dead-letter-topic stuurden sinds de start',
      labelNames: ['topic', 'group'] as const,
      registers: [this.registry],
      collect() {
        this.reset();
        for (const d of metrics.sources?.bus.deadLetters() ?? []) this.inc({ topic: d.topic, group: d.group }, d.count);
      },
    });
  }

  /** Connects the scrape-time gauges to the running platform (its adapters exist only after boot). */
  observe(sources: MetricSources): void {
    this.sources = sources;
  }

  /** Express middleware: times every request by its route template, so ids in URLs never become labels. */
  httpMiddleware() {
    // One labelled series per method, route and status, found by a string key: prom-client would
    // otherwise sort and hash the labels at every request.
    const series = new Map<string, { observe(seconds: number): void }>();
    return (req: Request, res: Response, next: NextFunction) => {
      const started = process.hrtime.bigint();
      res.once('finish', () => {
        const route = req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
        const key = `${req.method} ${res.statusCode} ${route}`;
        let observed = series.get(key);
        if (!observed)
          series.set(key, (observed = this.httpDuration.labels({ method: req.method, route, status: String(res.statusCode) })));
        observed.observe(Number(process.hrtime.bigint() - started) / 1e9);
      });
      next();
    };
  }

  /** Measures an append; the store's answer or refusal passes through unchanged. */
  async timeAppend<T>(events: number, append: () => Promise<T>): Promise<T> {
    const end = this.appendDuration.startTimer();
    this.appendBatchSize.observe(events);
    try {
      const result = await append();
      end({ outcome: 'ok' });
      return result;
    } catch (error) {
      end({ outcome: 'refused' });
      throw error;
    }
  }

  /** Counts a scheduled job while it runs and by its outcome; the job's result or error passes through. */
  async timeJob(job: string, run: () => Promise<void>): Promise<void> {
    this.jobsRunning.inc({ job });
    try {
      await run();
      this.jobRuns.inc({ job, outcome: 'ok' });
    } catch (error) {
      this.jobRuns.inc({ job, outcome: 'failed' });
      throw error;
    } finally {
      this.jobsRunning.dec({ job });
    }
  }

  /**
   * One read of the checkpoints per scrape, shared by the gauges that need it: the registry collects
   * them all at once, and they must agree on the head.
   */
  private checkpoints(): Promise<Checkpoint[]> {
    if (!this.sources) return Promise.resolve([]);
    this.pending ??= readCheckpoints(this.sources).finally(() => (this.pending = undefined));
    return this.pending;
  }
}

interface Checkpoint {
  readModel: string;
  name: string;
  relay: boolean;
  behind: number;
  ageSeconds?: number;
}

async function readCheckpoints({ store, pool, readModels }: MetricSources): Promise<Checkpoint[]> {
  const head = await store.headPosition();
  const now = Date.now();
  const checkpoints: Checkpoint[] = [];
  for (const model of readModels) {
    for (const p of (await readModelProgress(pool, model.schema)).projections) {
      // The event at the checkpoint; positions can have gaps (a rolled-back append), then no age is known.
      const [last] = p.position > 0 ? await store.readAll({ after: p.position - 1, limit: 1 }) : [];
      checkpoints.push({
        readModel: model.name,
        name: p.name,
        relay: p.name.endsWith(RELAY_SUFFIX),
        behind: Math.max(0, head - p.position),
        ageSeconds: last?.position === p.position ? (now - last.recordedAt.getTime()) / 1000 : undefined,
      });
    }
  }
  return checkpoints;
}
