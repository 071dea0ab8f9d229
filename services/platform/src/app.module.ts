import { DynamicModule, Module } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { ZodValidationPipe } from 'nestjs-zod';
import { type CoreAdapters, CoreModule, LocalAccounts } from '@regie/nest-kit';
import { AsyncApiController } from './asyncapi.controller';
import { AuditController } from './audit/audit.controller';
import { AuthController } from './auth/auth.controller';
import { HealthController } from './health.controller';
import { PrivacyController } from './privacy/privacy.controller';
import { SERVICE_MODULES, SERVICE_NAMES, type ServiceName } from './services';

/** The services this process hosts, on the adapters the configuration chose. */
@Module({})
export class PlatformModule {
  static forRoot(adapters: CoreAdapters & { localAccounts?: LocalAccounts }, services: ServiceName[] = SERVICE_NAMES): DynamicModule {
    return {
      module: PlatformModule,
      imports: [CoreModule.forRoot(adapters), ...services.map((name) => SERVICE_MODULES[name])],
      controllers: [HealthController, AsyncApiController, AuthController, AuditController, PrivacyController],
      providers: [
        { provide: APP_PIPE, useClass: ZodValidationPipe },
        ...(adapters.localAccounts ? [{ provide: LocalAccounts, useValue: adapters.localAccounts }] : []),
      ],
    };
  }
}
