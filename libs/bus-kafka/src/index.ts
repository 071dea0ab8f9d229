export { KafkaBus, type KafkaBusOptions, DLQ_SUFFIX } from './kafka-bus';
