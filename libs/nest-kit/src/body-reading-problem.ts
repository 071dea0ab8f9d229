/** An error of Express's body-parser (http-errors): a status the client caused, a `type` saying why. */
interface BodyReadingError extends Error {
  status: number;
  expose: boolean;
  type?: string;
  code?: string;
  limit?: number;
  encoding?: string;
  charset?: string;
}

const isBodyReadingError = (error: unknown): error is BodyReadingError => {
  const { status, expose } = (error instanceof Error ? error : {}) as Partial<BodyReadingError>;
  return typeof status === 'number' && status >= 400 && status < 500 && expose === true;
};

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`);

/**
 * The refusals of Express's body-parser, which run before any route and carry their status in an
 * error of their own kind (not Nest's HttpException): in Dutch, with the status the client earned,
 * never 500. Anything else: undefined.
 */
export function bodyReadingProblem(error: unknown): { status: number; detail: string } | undefined {
  if (!isBodyReadingError(error)) return undefined;
  switch (error.type) {
    case 'entity.too.large':
      return {
        status: 413,
        detail: `De body is te groot: dit adres neemt hooguit ${error.limit ? size(error.limit) : 'een beperkte omvang'} aan (na uitpakken).`,
      };
    case 'parameters.too.many':
      return { status: 413, detail: 'Het formulier heeft te veel velden.' };
    case 'encoding.unsupported':
      return {
        status: 415,
        detail: `Content-Encoding "${error.encoding ?? '?'}" wordt niet ondersteund; stuur de body zonder compressie of met gzip, deflate of br.`,
      };
    case 'charset.unsupported':
      return { status: 415, detail: `De tekenset "${error.charset ?? '?'}" wordt niet ondersteund; stuur UTF-8.` };
    case 'entity.parse.failed':
      return { status: 400, detail: `De body is geen geldige JSON (${error.message}).` };
    case 'request.aborted':
      return { status: 400, detail: 'Het verzoek werd afgebroken voordat de body binnen was.' };
    case 'request.size.invalid':
      return { status: 400, detail: 'De body is niet zo lang als Content-Length zegt.' };
  }
  if (error.code?.startsWith('Z_') || /header check|unexpected end of file|invalid (stored )?block|incorrect/i.test(error.message))
    return { status: 400, detail: 'De body is niet uit te pakken volgens de opgegeven Content-Encoding.' };
  return { status: error.status, detail: `Het verzoek is ongeldig (${error.message}).` };
}
