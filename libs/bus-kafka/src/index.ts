export { KafkaBus } from './kafka-bus';
export { PlatformaticKafkaBus } from './platformatic-bus';
export { DLQ_SUFFIX, type KafkaBusOptions } from './kafka-shared';
export { kafkaLogLine, type KafkaLog, type KafkaLogLevel } from './kafka-log';
