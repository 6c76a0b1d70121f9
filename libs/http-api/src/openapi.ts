import { type INestApplication } from '@nestjs/common';
import { DocumentBuilder, getSchemaPath, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ErrorBodyDto } from './common/error-body.dto';
import { BEARER_SCHEME } from './access/access.decorators';

export const OPENAPI_UI_PATH = 'api/docs';
export const OPENAPI_JSON_PATH = 'api/docs-json';

export function openApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('CTI middleware API')
    .setDescription(
      'Live agent states, agent days, calls, queues, users and audit. Every route declares who may call it ' +
        '(x-roles, or x-public); errors are { code, message, details? }. See docs/api.md.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER_SCHEME)
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: [ErrorBodyDto] });
  return withInternalErrors(document);
}

/** The error filter answers anything unexpected with 500 INTERNAL: every operation can. */
function withInternalErrors(document: OpenAPIObject): OpenAPIObject {
  const internal = {
    description: 'INTERNAL: unexpected failure (logged; the body says nothing more)',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(ErrorBodyDto) } },
    },
  };
  for (const item of Object.values(document.paths))
    for (const op of [item.get, item.put, item.post, item.delete, item.patch])
      if (op) op.responses = { ...op.responses, 500: op.responses[500] ?? internal };
  return document;
}

/**
 * Serves the OpenAPI UI at /api/docs and its JSON at /api/docs-json. They are registered on the
 * HTTP adapter, outside Nest's router, so they are public (they describe, they hold no data).
 */
export function setupOpenApi(app: INestApplication): OpenAPIObject {
  const document = openApiDocument(app);
  SwaggerModule.setup(OPENAPI_UI_PATH, app, document, {
    jsonDocumentUrl: OPENAPI_JSON_PATH,
    yamlDocumentUrl: 'api/docs-yaml',
  });
  return document;
}
