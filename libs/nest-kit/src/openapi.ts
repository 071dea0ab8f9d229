import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiOperation, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { problemSchema } from './problem-details.filter';

class ProblemDetails extends createZodDto(problemSchema) {}

/** The refusals an operation can answer, with the reason a client meets each. */
const REFUSALS = {
  400: 'Ongeldige invoer: `errors` noemt elk ongeldig veld',
  401: 'Niet ingelogd: een geldig bearer-token ontbreekt',
  403: 'Geen toegang: deze rol of actiehouder mag dit niet',
  404: 'Niet gevonden',
  409: 'Conflict: de toestand staat dit niet toe, of de revisie in If-Match is niet meer de laatste',
  429: 'Te veel pogingen: wacht het aantal seconden in Retry-After',
} as const;
export type Refusal = keyof typeof REFUSALS;

/** A JSON answer (a zod DTO, or a list of one), or another media type answered as text. */
type Answer = { type: { Output: unknown } | [{ Output: unknown }] } | { mediaType: string };

interface OperationBase {
  /** One line, Dutch, what the operation does for its caller. */
  summary: string;
  description?: string;
  refusals?: Refusal[];
}

/** An answer with a body (200 unless the route says otherwise), or 204 without one. */
export type OperationSpec = OperationBase & ({ status?: 200 | 201; answers: Answer } | { status: 204; answers?: never });

/**
 * The OpenAPI description of one operation: summary, the 2xx answer and the problem+json refusals.
 * Documentation only: the answer is not re-serialised, so what an endpoint sends stays what its
 * query returns (with personal data opened on the way out, open-answers.ts); an int test holds the two together.
 */
export function Operation(spec: OperationSpec): MethodDecorator & ClassDecorator {
  const { answers, status = 200, refusals = [] } = spec;
  const ok = !answers
    ? ApiResponse({ status, description: 'Gelukt; het antwoord heeft geen inhoud' })
    : 'mediaType' in answers
      ? ApiResponse({ status, content: { [answers.mediaType]: { schema: { type: 'string' } } } })
      : ApiResponse({
          status,
          type: Array.isArray(answers.type) ? [answers.type[0].Output as never] : (answers.type.Output as never),
        });
  return applyDecorators(
    ApiOperation({ summary: spec.summary, ...(spec.description ? { description: spec.description } : {}) }),
    ok,
    ApiExtraModels(ProblemDetails),
    ...refusals.map((code) =>
      ApiResponse({
        status: code,
        description: REFUSALS[code],
        content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDetails) } } },
      }),
    ),
  );
}

/** The answer to a write that creates something: its id (the ETag carries the stream's revision). */
export class Created extends createZodDto(z.object({ id: z.string() })) {}
/** The answer to a write on an existing stream: its id and the revision to send back as If-Match. */
export class Changed extends createZodDto(z.object({ id: z.string(), revision: z.number().int() })) {}
