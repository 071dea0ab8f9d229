import { CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { mergeMap, type Observable } from 'rxjs';
import { PersonalDataVault, unsealDeep } from '@regie/es-core';

const KEEP_SEALED = 'regie:keep-sealed';

/** On a handler or controller: answer personal data sealed, as stored (the audit log shows history byte for byte). */
export const KeepSealed = () => SetMetadata(KEEP_SEALED, true);

/**
 * Personal data leaves the platform only here: read models and events hold names sealed, and
 * every JSON answer has them opened on the way out — or "[verwijderd]" once the person was
 * forgotten. Registered before the Idempotency-Key interceptor, so a kept response is kept sealed.
 */
@Injectable()
export class UnsealInterceptor implements NestInterceptor {
  constructor(
    private readonly vault: PersonalDataVault,
    private readonly reflector: Reflector,
  ) {}

  /** `@KeepSealed()` per controller class and handler, looked up once: metadata does not change after boot. */
  private readonly keepSealed = new WeakMap<object, Map<object, boolean>>();

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const [handler, type] = [context.getHandler(), context.getClass()];
    let byHandler = this.keepSealed.get(type);
    if (!byHandler) this.keepSealed.set(type, (byHandler = new Map()));
    let keep = byHandler.get(handler);
    if (keep === undefined) {
      keep = Boolean(this.reflector.getAllAndOverride<boolean>(KEEP_SEALED, [handler, type]));
      byHandler.set(handler, keep);
    }
    if (keep) return next.handle();
    return next.handle().pipe(mergeMap((body) => unsealDeep(body, this.vault)));
  }
}
