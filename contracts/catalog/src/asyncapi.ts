import { z } from 'zod';
import { type MessageSchema, type Topic, TOPICS } from './topics';

export type JsonSchema = { [keyword: string]: unknown };
type Ref = { $ref: string };

export interface AsyncApiMessage {
  name: string;
  title: string;
  contentType: 'application/json';
  headers: JsonSchema;
  payload: JsonSchema;
  bindings: { kafka: { key: JsonSchema; bindingVersion: string } };
}

export interface AsyncApiDocument {
  asyncapi: '3.0.0';
  info: { title: string; version: string; description: string };
  defaultContentType: 'application/json';
  channels: Record<string, { address: string; title: string; description: string; messages: Record<string, Ref>; bindings: object }>;
  operations: Record<string, { action: 'send'; channel: Ref; summary: string; messages: Ref[] }>;
  components: { messages: Record<string, AsyncApiMessage> };
}

const KAFKA_BINDING = '0.5.0';

/** The AsyncAPI 3 description of every topic the services publish, generated from the contracts' zod schemas. */
export function asyncApiDocument(topics: readonly Topic[] = TOPICS): AsyncApiDocument {
  const doc: AsyncApiDocument = {
    asyncapi: '3.0.0',
    info: {
      title: 'Regie integratie-events',
      version: '1.0.0',
      description: [
        'De integratie-events die de contexten van Regie elkaar sturen over Kafka: één topic per context, sleutel = stream-id,',
        'zodat de events van één aggregaat op volgorde blijven. Een gepubliceerde berichtversie verandert nooit op een brekende',
        'manier; een brekende wijziging is een nieuwe versie (bijvoorbeeld CommitmentRegisteredV2) op hetzelfde topic.',
        'Met KAFKA_NAMESPACE staat het topic op het cluster onder `<namespace><adres>`; onverwerkbare berichten gaan naar `<adres>.dlq`.',
      ].join(' '),
    },
    defaultContentType: 'application/json',
    channels: {},
    operations: {},
    components: { messages: {} },
  };
  for (const topic of topics) {
    const ids = topic.messages.map((schema) => {
      const message = asyncApiMessage(schema);
      doc.components.messages[message.name] = message;
      return message.name;
    });
    doc.channels[topic.channel] = {
      address: topic.address,
      title: topic.address,
      description: topic.description,
      messages: Object.fromEntries(ids.map((id) => [id, { $ref: `#/components/messages/${id}` }])),
      // Kafka keeps the topics forever: a consumer that starts later reads the whole history.
      bindings: { kafka: { topicConfiguration: { 'retention.ms': -1, 'retention.bytes': -1 }, bindingVersion: KAFKA_BINDING } },
    };
    doc.operations[`publish-${topic.channel}`] = {
      action: 'send',
      channel: { $ref: `#/channels/${topic.channel}` },
      summary: `De context ${topic.channel} publiceert zijn integratie-events op ${topic.address}.`,
      messages: ids.map((id) => ({ $ref: `#/channels/${topic.channel}/messages/${id}` })),
    };
  }
  return doc;
}

/** `MilestonePlannedV1` → the event `MilestonePlanned`, version 1. */
export function versionOf(messageName: string): { event: string; version: number } {
  const match = /^(.+)V(\d+)$/.exec(messageName);
  if (!match) throw new Error(`message type ${messageName} does not end in its version (V1, V2, …)`);
  return { event: match[1], version: Number(match[2]) };
}

function asyncApiMessage(schema: MessageSchema): AsyncApiMessage {
  const name = schema.shape.type.value;
  const { event, version } = versionOf(name);
  return {
    name,
    title: `${event}, versie ${version}`,
    contentType: 'application/json',
    headers: {
      type: 'object',
      properties: {
        eventId: { type: 'string' },
        type: { type: 'string', const: name },
        correlationId: { type: 'string', description: 'Het correlatie-id van het verzoek dat het event vastlegde (X-Correlation-Id).' },
        traceparent: {
          type: 'string',
          description: 'W3C Trace Context: de trace die het bericht voortzet; alleen als traces aan staan.',
        },
        tracestate: { type: 'string', description: 'W3C Trace Context, bij traceparent, als de trace het meegeeft.' },
      },
      required: ['eventId', 'type'],
    },
    payload: envelope(name, contractSchema(schema)),
    bindings: {
      kafka: {
        key: {
          type: 'string',
          description: 'Het stream-id van het aggregaat waar het event uit komt: één aggregaat, één partitie, op volgorde.',
        },
        bindingVersion: KAFKA_BINDING,
      },
    },
  };
}

/**
 * The schema as a consumer parses it ("input"): an object without `strictObject` accepts and drops
 * fields it does not know, so adding an optional field there is compatible, and the document says so.
 */
function contractSchema(schema: MessageSchema): JsonSchema {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { target: 'draft-7', io: 'input' }) as JsonSchema;
  return json;
}

/** The Kafka message value as libs/bus-kafka writes it: the contract event inside an envelope. */
const envelope = (type: string, payload: JsonSchema): JsonSchema => ({
  type: 'object',
  properties: {
    eventId: {
      type: 'string',
      description: 'Id van het event in de event store van de producent (UUIDv7); consumenten ontdubbelen hierop.',
    },
    type: { type: 'string', const: type },
    payload,
    position: { type: 'integer', description: 'Globale positie in de event store van de producent.' },
    occurredAt: { type: 'string', format: 'date-time', description: 'Wanneer het gebeurde.' },
  },
  required: ['eventId', 'type', 'payload', 'position', 'occurredAt'],
});
