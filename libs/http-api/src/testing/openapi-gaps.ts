import { type OpenAPIObject } from '@nestjs/swagger';

type Json = Record<string, unknown>;

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/**
 * A schema a client can generate code from: a type, items or alternatives; an object with at
 * least one property (or declared free-form). A reference counts as what it points to.
 */
function meaningful(schema: unknown, components: Json): boolean {
  if (!schema || typeof schema !== 'object') return false;
  const s = schema as Json;
  if (typeof s.$ref === 'string')
    return meaningful(components[s.$ref.split('/').pop()!], components);
  if (s.items || s.oneOf || s.allOf || s.anyOf) return true;
  if (s.type !== 'object' && s.type !== undefined) return true;
  const properties = s.properties as Json | undefined;
  return (
    (properties !== undefined && Object.keys(properties).length > 0) ||
    s.additionalProperties !== undefined
  );
}

function contentSchemas(part: unknown): unknown[] {
  const content = (part as { content?: Record<string, { schema?: unknown }> } | undefined)?.content;
  return Object.values(content ?? {}).map((c) => c.schema);
}

/**
 * What an operation lacks for a client to use it: a summary; who may call it (x-roles with bearer
 * security, or x-public); a request body with its properties; a success response with a declared
 * type; its error responses in the `{ code, message, details? }` body (401 and 403 too on secured
 * routes). One line per gap.
 */
export function openApiGaps(document: OpenAPIObject): string[] {
  const gaps: string[] = [];
  const components = (document.components?.schemas ?? {}) as Json;
  const described = (schema: unknown): boolean => meaningful(schema, components);
  // Success bodies: a declared type is required; many are still plain objects (no properties).
  const typed = (schema: unknown): boolean =>
    typeof schema === 'object' && schema !== null && Object.keys(schema).length > 0;
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const op = (item as Record<string, Json | undefined>)[method];
      if (!op) continue;
      const at = `${method.toUpperCase()} ${path}`;
      const lack = (what: string): number => gaps.push(`${at}: ${what}`);
      if (typeof op.summary !== 'string' || op.summary.trim() === '') lack('no summary');
      const isPublic = op['x-public'] === true;
      if (!isPublic) {
        const roles = op['x-roles'];
        if (!Array.isArray(roles) || roles.length === 0) lack('no x-roles (nor x-public)');
        const security = op.security as Record<string, unknown>[] | undefined;
        if (!security?.some((s) => Object.keys(s).length > 0)) lack('no security');
      }
      if (op.requestBody && !contentSchemas(op.requestBody).every(described))
        lack('request body without a schema');
      const responses = (op.responses ?? {}) as Record<string, unknown>;
      const codes = Object.keys(responses);
      if (!codes.some((c) => /^2\d\d$/.test(c))) lack('no success response');
      for (const c of codes.filter((code) => /^2\d\d$/.test(code)))
        if (!contentSchemas(responses[c]).every(typed)) lack(`${c} response without a schema`);
      const errors = codes.filter((c) => /^[45]\d\d$/.test(c));
      if (errors.length === 0) lack('no error responses');
      for (const c of errors)
        if (!contentSchemas(responses[c]).some(described)) lack(`${c} response without a schema`);
      if (!errors.some((c) => JSON.stringify(responses[c]).includes('ErrorBodyDto')))
        lack('no response with the error body');
      if (!isPublic && !(codes.includes('401') && codes.includes('403')))
        lack('no 401/403 responses');
    }
  }
  return gaps;
}
