import { InvalidInput } from '@regie/es-core';
import { spec } from '@regie/es-core/testing';
import type { ProjectionPublished } from './publication';
import { publicationDecider } from './publication.decide';

const published = (version: number, document: unknown): ProjectionPublished => ({
  type: 'ProjectionPublished',
  data: { quarter: '2026-Q4', version, publishedAt: `2026-11-2${version}T09:00:00.000Z`, document },
});
const publish = (document: unknown, publishedAt = '2026-11-25T09:00:00.000Z') => ({
  type: 'PublishProjection' as const,
  data: { quarter: '2026-Q4', publishedAt, document },
});

describe('publishing a quarterly projection', () => {
  it('records version 1, then version 2 beside it', () => {
    spec(publicationDecider)
      .given([])
      .when(publish({ a: 1 }, '2026-11-21T09:00:00.000Z'))
      .then([published(1, { a: 1 })]);
    spec(publicationDecider)
      .given([published(1, { a: 1 })])
      .when(publish({ a: 2 }, '2026-11-22T09:00:00.000Z'))
      .then([published(2, { a: 2 })]);
  });

  it('refuses a malformed quarter', () => {
    spec(publicationDecider)
      .given([])
      .when({ type: 'PublishProjection', data: { quarter: '2026-4', publishedAt: 'x', document: {} } })
      .thenThrows(InvalidInput);
  });
});
