export { KafkaBus } from './kafka-bus';
export { PlatformaticKafkaBus } from './platformatic-bus';
export { DLQ_SUFFIX, type DeadLetterReason, type KafkaBusOptions } from './kafka-shared';
export { type BusKeyring, parseBusKeys, SIGNATURE_HEADER, signMessage, verifyMessage, type WireMessage } from './message-signing';
export { kafkaLogLine, type KafkaLog, type KafkaLogLevel } from './kafka-log';
