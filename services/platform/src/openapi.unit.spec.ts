import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { coverage } from './openapi';

const committed = JSON.parse(readFileSync(join(__dirname, '../../../contracts/openapi.json'), 'utf8'));

describe('the committed OpenAPI document', () => {
  it('describes at least 95 % of the operations with a summary and a 2xx response schema', () => {
    const { operations, described } = coverage(committed);
    expect(operations).toBeGreaterThan(50);
    expect(described / operations).toBeGreaterThanOrEqual(0.95);
  });

  it('declares every refusal as problem+json, and leaves the portal pages out', () => {
    const paths = Object.keys(committed.paths);
    expect(paths.every((path) => path.startsWith('/api/') || path === '/health')).toBe(true);
    const refusals = Object.values(committed.paths).flatMap((item) =>
      Object.values(item as Record<string, { responses: Record<string, { content?: object }> }>).flatMap((op) =>
        Object.entries(op.responses).filter(([status]) => Number(status) >= 400),
      ),
    );
    expect(refusals.length).toBeGreaterThan(100);
    for (const [, answer] of refusals) expect(Object.keys(answer.content ?? {})).toEqual(['application/problem+json']);
  });

  it('counts only operations that have both a summary and a 2xx body', () => {
    const op = (summary: string | undefined, responses: object) => ({ summary, responses });
    const paths = {
      '/a': { get: op('Geeft a', { 200: { content: { 'application/json': {} } } }), post: op('Maakt a', { 201: { description: '' } }) },
      '/b': { get: op(undefined, { 200: { content: { 'application/json': {} } } }) },
    };
    expect(coverage({ paths } as never)).toEqual({ operations: 3, described: 1 });
  });
});
