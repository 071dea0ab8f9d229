import { DynamicModule, Module } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { ZodValidationPipe } from 'nestjs-zod';
import { ActionsModule } from '@regie/actions';
import { type CoreAdapters, CoreModule } from '@regie/nest-kit';
import { HealthController } from './health.controller';

/** All services in one process: the embedded default. */
@Module({})
export class PlatformModule {
  static forRoot(adapters: CoreAdapters): DynamicModule {
    return {
      module: PlatformModule,
      imports: [CoreModule.forRoot(adapters), ActionsModule],
      controllers: [HealthController],
      providers: [{ provide: APP_PIPE, useClass: ZodValidationPipe }],
    };
  }
}
