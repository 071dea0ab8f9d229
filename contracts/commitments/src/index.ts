export * from './events.v1';
export * from './events.v2';
