export { KafkaBus, type KafkaBusOptions, DLQ_SUFFIX, type DeadLetterReason } from './kafka-bus';
export { type BusKeyring, parseBusKeys, SIGNATURE_HEADER, signMessage, verifyMessage, type WireMessage } from './message-signing';
export { kafkaLogLine, type KafkaLog, type KafkaLogLevel } from './kafka-log';
