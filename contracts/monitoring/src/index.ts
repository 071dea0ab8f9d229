export * from './events.v1';
