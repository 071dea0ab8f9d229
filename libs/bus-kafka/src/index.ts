export { KafkaBus, type KafkaBusOptions, DLQ_SUFFIX } from './kafka-bus';
export { kafkaLogLine, type KafkaLog, type KafkaLogLevel } from './kafka-log';
