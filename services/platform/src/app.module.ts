import { DynamicModule, Module } from '@nestjs/common';
import { APP_PIPE, DiscoveryModule } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { ZodValidationPipe } from 'nestjs-zod';
import type { Logger } from 'pino';
import { type CoreAdapters, CoreModule, LocalAccounts, LoginThrottle, loggingModule, RevocationList } from '@regie/nest-kit';
import { Accounts } from './accounts/accounts';
import { AccountsController } from './accounts/accounts.http';
import { AsyncApiController } from './asyncapi.http';
import { AuditController } from './audit/audit.http';
import { AuthController } from './auth/auth.http';
import { HEALTH_OPTIONS, HealthController } from './health.http';
import { KnownWerkagendaGuard } from './known-werkagenda';
import { MetricsController } from './metrics/metrics.http';
import { PlatformMetrics } from './metrics/platform-metrics';
import { PeopleModule } from './people/people.module';
import { PrivacyController } from './privacy/privacy.http';
import { SERVICE_MODULES, SERVICE_NAMES, type ServiceName } from './services';

/** The services this process hosts, on the adapters the configuration chose. */
@Module({})
export class PlatformModule {
  static forRoot(
    adapters: CoreAdapters & {
      localAccounts?: LocalAccounts;
      accounts?: Accounts;
      loginThrottle?: LoginThrottle;
      revocations?: RevocationList;
      metrics?: PlatformMetrics;
    },
    services: ServiceName[] = SERVICE_NAMES,
    options: { logger?: Logger; readiness?: { maxLag: number } } = {},
  ): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        ...(options.logger ? [loggingModule(options.logger)] : []),
        // Werkagenda's are the actions context's streams: only a process that hosts it can tell an unknown one.
        CoreModule.forRoot({ ...adapters, admission: services.includes('actions') ? KnownWerkagendaGuard : undefined }),
        // A failing readiness probe answers with its reasons; logging each probe would only repeat them.
        TerminusModule.forRoot({ logger: false }),
        DiscoveryModule,
        ...services.map((name) => SERVICE_MODULES[name]),
        PeopleModule,
      ],
      controllers: [
        HealthController,
        MetricsController,
        AsyncApiController,
        AuthController,
        AccountsController,
        AuditController,
        PrivacyController,
      ],
      providers: [
        { provide: APP_PIPE, useClass: ZodValidationPipe },
        { provide: HEALTH_OPTIONS, useValue: { services, maxLag: options.readiness?.maxLag ?? 1000 } },
        { provide: PlatformMetrics, useValue: adapters.metrics ?? new PlatformMetrics() },
        ...(adapters.localAccounts ? [{ provide: LocalAccounts, useValue: adapters.localAccounts }] : []),
        ...(adapters.accounts ? [{ provide: Accounts, useValue: adapters.accounts }] : []),
        ...(adapters.loginThrottle ? [{ provide: LoginThrottle, useValue: adapters.loginThrottle }] : []),
        ...(adapters.revocations ? [{ provide: RevocationList, useValue: adapters.revocations }] : []),
      ],
    };
  }
}
