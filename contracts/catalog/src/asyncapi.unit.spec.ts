import { Parser } from '@asyncapi/parser';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { asyncApiDocument } from './asyncapi';

/** The document integrators and tools read: valid AsyncAPI 3, one channel per topic, every message version with its schema. */
describe('the AsyncAPI document of the integration events', () => {
  const doc = asyncApiDocument();

  it('is a valid AsyncAPI 3.0.0 document by the reference parser', async () => {
    const { document, diagnostics } = await new Parser().parse(JSON.stringify(doc));
    const errors = diagnostics.filter((d) => d.severity === 0).map((d) => `${d.path.join('.')}: ${d.message}`);
    expect(errors).toEqual([]);
    expect(document?.version()).toBe('3.0.0');
    expect(
      document
        ?.channels()
        .all()
        .map((c) => c.address()),
    ).toEqual(['regie.actions.v1', 'regie.commitments.v1', 'regie.meetings.v1', 'regie.monitoring.v1']);
    expect(
      document
        ?.operations()
        .all()
        .every((o) => o.action() === 'send'),
    ).toBe(true);
  });

  it('lists every version of a message on its topic, keyed by stream id, with the contract as payload', () => {
    const commitments = Object.keys(doc.channels.commitments.messages);
    expect(commitments).toEqual(expect.arrayContaining(['CommitmentRegisteredV1', 'CommitmentRegisteredV2', 'CommitmentFulfilledV1']));
    expect(Object.keys(doc.channels.meetings.messages)).toEqual(expect.arrayContaining(['ActionPointAssignedV1', 'ActionPointAssignedV2']));
    const v2 = doc.components.messages.CommitmentRegisteredV2;
    expect(v2).toMatchObject({ name: 'CommitmentRegisteredV2', title: 'CommitmentRegistered, versie 2', contentType: 'application/json' });
    expect(v2.bindings.kafka.key).toMatchObject({ type: 'string', description: expect.stringContaining('stream-id') });
    // the Kafka value is the envelope of libs/bus-kafka; the contract event is its `payload`
    const payload = (v2.payload.properties as Record<string, { properties: Record<string, object>; required: string[] }>).payload;
    expect(payload.properties.type).toEqual({ type: 'string', const: 'CommitmentRegisteredV2' });
    expect(payload.properties.madeBy).toMatchObject({ required: ['text', 'persons'], additionalProperties: false });
    expect(payload.required).toEqual(expect.arrayContaining(['commitmentId', 'madeBy', 'due']));
  });

  it('is what is committed in contracts/asyncapi.json', () => {
    const committed = JSON.parse(readFileSync(join(__dirname, '../../asyncapi.json'), 'utf8'));
    expect(committed).toEqual(doc);
  });
});
