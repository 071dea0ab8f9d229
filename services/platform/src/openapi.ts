import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { cleanupOpenApiDoc } from 'nestjs-zod';

/** The HTTP contract of every hosted service, as /api/docs serves it and contracts/openapi.json commits it. */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const info = new DocumentBuilder()
    .setTitle('Regie API')
    .setDescription('Regie: de regiecyclus van de werkagenda "Een betekenisvol leven met een langdurige psychische aandoening"')
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .addSecurityRequirements('bearer')
    .build();
  return withBodyRefusals(cleanupOpenApiDoc(SwaggerModule.createDocument(app, info)));
}

/** What every request body can meet before its route sees it (see nest-kit's request-bodies.ts). */
const BODY_REFUSALS = {
  413: 'Te groot: de body is groter dan deze route aanneemt (256 KB; de Tweede Kamer-import 20 MB), ook na uitpakken',
  415: 'Niet ondersteund: de body is geen JSON, of in een codering of tekenset die de API niet leest',
};

/** Adds the body-reading refusals to every operation that takes a body, in one place rather than on each route. */
function withBodyRefusals(document: OpenAPIObject): OpenAPIObject {
  const problem = { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } };
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item) as { requestBody?: unknown; responses?: Record<string, unknown> }[]) {
      if (!operation?.requestBody || !operation.responses) continue;
      for (const [status, description] of Object.entries(BODY_REFUSALS)) {
        operation.responses[status] ??= { description, content: problem };
      }
    }
  }
  return document;
}

type Operation = { summary?: string; responses?: Record<string, { content?: object }> };

/** How many operations have a summary and a 2xx answer with a body schema: the contract's coverage. */
export function coverage(document: Pick<OpenAPIObject, 'paths'>): { operations: number; described: number } {
  const operations = Object.values(document.paths).flatMap((item) =>
    Object.entries(item)
      .filter(([method]) => ['get', 'put', 'post', 'delete', 'patch'].includes(method))
      .map(([, operation]) => operation as Operation),
  );
  const described = operations.filter(
    (op) => !!op.summary && Object.entries(op.responses ?? {}).some(([status, answer]) => /^2\d\d$/.test(status) && !!answer.content),
  );
  return { operations: operations.length, described: described.length };
}
