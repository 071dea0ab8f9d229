export { testDatabase } from './test-database';
export { redisUrlForTests } from './redis';
