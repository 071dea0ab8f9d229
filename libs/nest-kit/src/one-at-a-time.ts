import {
  applyDecorators,
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  SetMetadata,
  UseInterceptors,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { from, type Observable, of, switchMap } from 'rxjs';

const FILTERS = 'regie:one-at-a-time-unless';

/**
 * Answers that span every werkagenda (a list asked without `werkagendaId`) are built whole: with
 * hundreds of werkagenda's they are tens of megabytes (every decision, meeting, toezegging), and a
 * few at once ran the platform out of heap and took it down (docs/performance.md, session 10). A
 * route marked with this builds such answers one at a time per process: the next one waits until
 * the previous one has been sent (or its client has gone). Asked with one of `filters`, a request
 * passes at once.
 */
export const OneAtATimeUnless = (...filters: string[]) =>
  applyDecorators(SetMetadata(FILTERS, filters), UseInterceptors(OneAtATimeInterceptor));

@Injectable()
export class OneAtATimeInterceptor implements NestInterceptor {
  private busy = false;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const filters = this.reflector.get<string[]>(FILTERS, context.getHandler()) ?? [];
    const http = context.switchToHttp();
    const query = (http.getRequest<{ query?: Record<string, unknown> }>().query ?? {}) as Record<string, unknown>;
    if (filters.some((filter) => query[filter] !== undefined && query[filter] !== '')) return next.handle();
    const res = http.getResponse<{ once(event: 'close', listener: () => void): unknown }>();
    // The turn ends when the answer has been sent, or the client has gone (also while it waits).
    let state: 'waiting' | 'building' | 'ended' = 'waiting';
    res.once('close', () => {
      if (state === 'building') this.release();
      state = 'ended';
    });
    return from(this.acquire()).pipe(
      switchMap(() => {
        if (state === 'ended') {
          this.release(); // gone while waiting: nothing to build for it
          return of(null);
        }
        state = 'building';
        return next.handle();
      }),
    );
  }

  private acquire(): Promise<void> {
    if (!this.busy) {
      this.busy = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Hands the turn to the next one waiting (it stays busy), or frees it. */
  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.busy = false;
  }
}
