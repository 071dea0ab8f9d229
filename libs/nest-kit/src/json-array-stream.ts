import { StreamableFile } from '@nestjs/common';
import { Readable } from 'node:stream';

/**
 * A JSON array answered part by part: each part's items are written as they come, so a list of
 * tens of megabytes is never held whole (nor its JSON text). `prepare` runs on each part before it
 * is written (e.g. opening personal names, which the answer step cannot do for a stream).
 * The stream is pulled as the client reads: a slow client holds one part, not the whole list.
 */
export function jsonArrayAnswer<T>(parts: AsyncIterable<T[]>, prepare: (part: T[]) => Promise<T[]> = async (part) => part): StreamableFile {
  async function* text(): AsyncGenerator<string> {
    yield '[';
    let first = true;
    for await (const part of parts) {
      if (part.length === 0) continue;
      const items = (await prepare(part)).map((item) => JSON.stringify(item)).join(',');
      yield first ? items : `,${items}`;
      first = false;
    }
    yield ']';
  }
  return new StreamableFile(Readable.from(text()), { type: 'application/json; charset=utf-8' });
}
