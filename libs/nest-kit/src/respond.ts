import type { Response } from 'express';

/** Sets `ETag: "<revision>"` so a client can send it back in `If-Match`. */
export const withRevision = <T>(res: Response, revision: number, body: T): T => {
  res.setHeader('ETag', `"${revision}"`);
  return body;
};
