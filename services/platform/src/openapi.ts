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
  return cleanupOpenApiDoc(SwaggerModule.createDocument(app, info));
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
