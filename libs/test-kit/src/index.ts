export { testDatabase } from './test-database';
export { redisUrlForTests } from './redis';
export { kafkaBrokersForTests, secureKafkaForTests } from './kafka';
export { zipkinForTests } from './zipkin';
export { freePort } from './free-port';
export { apiClient, type ApiClient, TEST_PASSWORD } from './api-client';
