export * from './test-auth';
export * from './service-test-app';
