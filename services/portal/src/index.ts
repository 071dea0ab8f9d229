export { PortalModule } from './portal.module';
export { portalConfigFromEnv, type PortalConfig } from './config';
