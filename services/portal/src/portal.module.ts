import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import cookieParser from 'cookie-parser';
import { PortalApiFactory } from './api/portal-api.factory';
import { PORTAL_CONFIG, portalConfigFromEnv } from './config';
import { AssetsController } from './http/assets.http';
import { AuditController } from './http/audit.http';
import { BeheerAccountsController } from './http/beheer-accounts.http';
import { BeheerController } from './http/beheer.http';
import { BeheerMeetingsController } from './http/beheer-overleggen.http';
import { LoginController } from './http/login.http';
import { MonitoringController } from './http/monitoring.http';
import { CommitmentsController } from './http/commitments.http';
import { MeetingsController } from './http/meetings.http';
import { ActionPointsController, DecisionsController, MeetingMinutesController } from './http/minutes.http';
import { WerkagendaController } from './http/werkagenda.http';
import { KnelpuntenController } from './http/knelpunten.http';
import { PortalErrorPages } from './http/portal-error-pages';
import { ErrorPages } from '@regie/nest-kit';
import { KeptPageInterceptor, SessionGuard } from './session/session.guard';
import { KeptPages } from './http/kept-pages';

const CONTROLLERS = [
  AssetsController,
  LoginController,
  WerkagendaController,
  KnelpuntenController,
  MeetingsController,
  MeetingMinutesController,
  DecisionsController,
  ActionPointsController,
  CommitmentsController,
  MonitoringController,
  AuditController,
  BeheerController,
  BeheerAccountsController,
  BeheerMeetingsController,
];

/**
 * The web portal: server-rendered Dutch pages in the Rijkshuisstijl for coordinators,
 * actiehouders, directors and auditors. A backend-for-frontend: it reads and writes only through
 * the services' public HTTP API with the user's token, so the services enforce every right.
 */
@Module({
  controllers: CONTROLLERS,
  providers: [
    { provide: PORTAL_CONFIG, useFactory: () => portalConfigFromEnv() },
    PortalApiFactory,
    SessionGuard,
    KeptPages,
    KeptPageInterceptor,
    { provide: ErrorPages, useClass: PortalErrorPages },
  ],
})
export class PortalModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // One layer for every path, not one per portal route: Nest mounts a middleware for controllers as
    // a route per handler (≈ 95), which every request, the API's too, walked past. Without a Cookie
    // header (the API's callers send a bearer token) cookie-parser only sets two empty objects.
    consumer.apply(cookieParser()).forRoutes('{*path}'); // also '/' itself: '*path' needs at least one segment
  }
}
