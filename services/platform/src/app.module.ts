import { DynamicModule, Module } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { ZodValidationPipe } from 'nestjs-zod';
import { type CoreAdapters, CoreModule, LocalAccounts, LoginThrottle, RevocationList } from '@regie/nest-kit';
import { AsyncApiController } from './asyncapi.http';
import { AuditController } from './audit/audit.http';
import { AuthController } from './auth/auth.http';
import { HealthController } from './health.http';
import { MetricsController } from './metrics/metrics.http';
import { PlatformMetrics } from './metrics/platform-metrics';
import { PrivacyController } from './privacy/privacy.http';
import { SERVICE_MODULES, SERVICE_NAMES, type ServiceName } from './services';

/** The services this process hosts, on the adapters the configuration chose. */
@Module({})
export class PlatformModule {
  static forRoot(
    adapters: CoreAdapters & {
      localAccounts?: LocalAccounts;
      loginThrottle?: LoginThrottle;
      revocations?: RevocationList;
      metrics?: PlatformMetrics;
    },
    services: ServiceName[] = SERVICE_NAMES,
  ): DynamicModule {
    return {
      module: PlatformModule,
      imports: [CoreModule.forRoot(adapters), ...services.map((name) => SERVICE_MODULES[name])],
      controllers: [HealthController, MetricsController, AsyncApiController, AuthController, AuditController, PrivacyController],
      providers: [
        { provide: APP_PIPE, useClass: ZodValidationPipe },
        { provide: PlatformMetrics, useValue: adapters.metrics ?? new PlatformMetrics() },
        ...(adapters.localAccounts ? [{ provide: LocalAccounts, useValue: adapters.localAccounts }] : []),
        ...(adapters.loginThrottle ? [{ provide: LoginThrottle, useValue: adapters.loginThrottle }] : []),
        ...(adapters.revocations ? [{ provide: RevocationList, useValue: adapters.revocations }] : []),
      ],
    };
  }
}
