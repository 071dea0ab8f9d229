import { LRUCache } from 'lru-cache';
import type { DataSource, EntitySubscriberInterface } from 'typeorm';
import { processChanges } from '@regie/es-core';

export interface AnswersOptions {
  /** How many answers are kept at most (the least recently used go first). Default 500. */
  max?: number;
  /**
   * How many values (objects, arrays and the values in them) all kept answers hold together at
   * most, default 100,000 (about 10 MB); one answer larger than a quarter of it is not kept (a list
   * across every werkagenda at 1M: built for its request and let go, as before).
   */
  maxValues?: number;
  /**
   * How long an answer is kept at most, in ms. Within this process an answer goes as soon as the
   * read model changes; this bounds how long a change made elsewhere (a replay swapped in from the
   * command line, a consumer in a second instance) can go unseen. Default 1000.
   */
  ttlMs?: number;
  /** False while another process writes the read model (a standby instance): nothing is kept. */
  keeping?: () => boolean;
  /**
   * The platform's clock, in ms: an answer is also kept at most `ttlMs` of its time, so one that
   * depends on the moment (a meeting past or to come) follows a clock set forward. Default Date.now.
   */
  now?: () => number;
}

/**
 * A read model's answers, kept until the read model changes. Everything in this process that writes
 * a read model (its projections, consumers, relay) does so in a transaction on its DataSource; every
 * commit there makes the kept answers go. A query that was running when a commit
 * came is not kept (it may have read before or after it), so a kept answer is one a query would
 * give now. Most of the platform's reads are of models that change a few times an hour, read
 * again and again by the portal's pages: a kept answer skips the database's round trip, which on
 * one connection is most of what one action costs beyond /health (docs/performance.md, session 16).
 *
 * A kept answer is shared by every request that asks for it: it is frozen, so a handler that would
 * change it fails at once instead of changing the next request's answer. Its personal data stays
 * sealed; each answer is opened on its way out (openingPersonalData), so a person forgotten is
 * "[verwijderd]" in the next answer.
 */
export class Answers {
  private readonly kept: LRUCache<string, { answer: Promise<unknown>; at: number; values: number }>;
  private readonly largest: number;
  private generation = 0;
  private readonly ttlMs: number;
  private readonly keeping: () => boolean;
  private readonly now: () => number;

  constructor(dataSource: DataSource, options: AnswersOptions = {}) {
    this.ttlMs = options.ttlMs ?? 1000;
    const maxValues = options.maxValues ?? 100_000;
    this.largest = Math.floor(maxValues / 4);
    this.kept = new LRUCache({ max: options.max ?? 500, ttl: this.ttlMs, maxSize: maxValues, sizeCalculation: (entry) => entry.values });
    this.keeping = options.keeping ?? (() => true);
    this.now = options.now ?? Date.now;
    const changed = () => this.changed();
    const subscriber: EntitySubscriberInterface = {
      afterTransactionCommit: changed,
      afterInsert: changed,
      afterUpdate: changed,
      afterRemove: changed,
    };
    dataSource.subscribers.push(subscriber);
  }

  /** The answer kept under `key`, or `compute`'s, kept if nothing was written meanwhile. */
  remember<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const kept = this.kept.get(key);
    const at = this.now();
    if (kept && at >= kept.at && at - kept.at < this.ttlMs) return kept.answer as Promise<T>;
    const generation = this.generation;
    if (!this.keeping()) return compute();
    const answer = compute().then((value) => {
      const values = countUpTo(value, this.largest);
      if (values <= this.largest && generation === this.generation) {
        deepFreeze(value);
        this.kept.set(key, { answer, at, values });
      }
      return value;
    });
    return answer;
  }

  /** Every kept answer goes (the read model changed), and what the process keeps of its answers (ProcessChanges). */
  changed(): void {
    this.generation++;
    this.kept.clear();
    processChanges.changed();
  }
}

/** How many values `value` holds (itself included), counted up to just past `limit`. */
function countUpTo(value: unknown, limit: number): number {
  let count = 0;
  const walk = (v: unknown): void => {
    if (++count > limit || v === null || typeof v !== 'object' || ArrayBuffer.isView(v)) return;
    for (const inner of Object.values(v)) {
      walk(inner);
      if (count > limit) return;
    }
  };
  walk(value);
  return count;
}

function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value) || ArrayBuffer.isView(value)) return value;
  Object.freeze(value);
  for (const inner of Object.values(value)) deepFreeze(inner);
  return value;
}
