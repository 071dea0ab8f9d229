export { testDatabase } from './test-database';
