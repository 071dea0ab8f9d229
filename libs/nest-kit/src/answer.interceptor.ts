import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Pool } from 'pg';
import type { Observable } from 'rxjs';
import { PersonalDataVault } from '@regie/es-core';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { PLATFORM_POOL } from './tokens';
import { UnsealInterceptor } from './unseal.interceptor';

/**
 * The one global interceptor: UnsealInterceptor around IdempotencyInterceptor, in that order (names
 * are opened after the Idempotency-Key interceptor kept the sealed answer). One interceptor instead
 * of two: Nest wraps every global interceptor of every request in an rxjs `defer`, an
 * `AsyncResource.bind` and a `mergeAll`, which cost more than what these two do on a read.
 */
@Injectable()
export class AnswerInterceptor implements NestInterceptor {
  private readonly unseal: UnsealInterceptor;
  private readonly idempotency: IdempotencyInterceptor;

  constructor(vault: PersonalDataVault, reflector: Reflector, @Inject(PLATFORM_POOL) pool: Pool) {
    this.unseal = new UnsealInterceptor(vault, reflector);
    this.idempotency = new IdempotencyInterceptor(pool);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return this.unseal.intercept(context, { handle: () => this.idempotency.intercept(context, next) });
  }
}
