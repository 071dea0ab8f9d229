import { InvalidInput } from '@regie/es-core';
import { spec } from '@regie/es-core/testing';
import { canonicalJson, frozenText, type ProjectionPublished, sha256Of } from './publication';
import { publicationDecider } from './publication.decide';

const published = (version: number, text: string): ProjectionPublished => ({
  type: 'ProjectionPublished',
  data: { quarter: '2026-Q4', version, publishedAt: `2026-11-2${version}T09:00:00.000Z`, text, sha256: sha256Of(text) },
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
      .then([published(1, '{"a":1}')]);
    spec(publicationDecider)
      .given([published(1, '{"a":1}')])
      .when(publish({ a: 2 }, '2026-11-22T09:00:00.000Z'))
      .then([published(2, '{"a":2}')]);
  });

  it('refuses a malformed quarter', () => {
    spec(publicationDecider)
      .given([])
      .when({ type: 'PublishProjection', data: { quarter: '2026-4', publishedAt: 'x', document: {} } })
      .thenThrows(InvalidInput);
  });

  it('freezes the document as the text it was computed as, key order included, with the sha256 of its bytes', () => {
    spec(publicationDecider)
      .given([])
      .when(publish({ zeta: 1, alpha: { y: 2, b: 'é' } }, '2026-11-21T09:00:00.000Z'))
      .then([published(1, '{"zeta":1,"alpha":{"y":2,"b":"é"}}')]);
    expect(sha256Of('é')).toBe('4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c'); // of the UTF-8 bytes c3 a9
  });

  it('gives an event recorded before the text was kept (document as an object) one text, whatever the key order it is read back in', () => {
    const a = { quarter: '2026-Q4', version: 1, publishedAt: 'x', document: { b: 1, a: [{ d: 1, c: 2 }] } };
    const b = { quarter: '2026-Q4', version: 1, publishedAt: 'x', document: { a: [{ c: 2, d: 1 }], b: 1 } };
    expect(frozenText(a)).toBe('{"a":[{"c":2,"d":1}],"b":1}');
    expect(frozenText(b)).toBe(frozenText(a));
    expect(canonicalJson(null)).toBe('null');
  });
});
