import { type OpenAPIObject } from '@nestjs/swagger';

type Json = Record<string, unknown>;

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** A schema a client can generate code from: a reference, or one with a type or properties. */
function meaningful(schema: unknown): boolean {
  if (!schema || typeof schema !== 'object') return false;
  const s = schema as Json;
  return Boolean(s.$ref || s.properties || s.items || s.oneOf || s.allOf || s.anyOf || s.type);
}

function contentSchemas(part: unknown): unknown[] {
  const content = (part as { content?: Record<string, { schema?: unknown }> } | undefined)?.content;
  return Object.values(content ?? {}).map((c) => c.schema);
}

/**
 * What an operation lacks for a client to use it: a summary; who may call it (x-roles with bearer
 * security, or x-public); a described request body; a success response; its error responses in
 * the `{ code, message, details? }` body (401 and 403 too on secured routes). One line per gap.
 */
export function openApiGaps(document: OpenAPIObject): string[] {
  const gaps: string[] = [];
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
      if (op.requestBody && !contentSchemas(op.requestBody).every(meaningful))
        lack('request body without a schema');
      const responses = (op.responses ?? {}) as Record<string, unknown>;
      const codes = Object.keys(responses);
      if (!codes.some((c) => /^2\d\d$/.test(c))) lack('no success response');
      for (const c of codes.filter((code) => /^2\d\d$/.test(code)))
        if (!contentSchemas(responses[c]).every(meaningful)) lack(`${c} response without a schema`);
      const errors = codes.filter((c) => /^[45]\d\d$/.test(c));
      if (errors.length === 0) lack('no error responses');
      for (const c of errors)
        if (!contentSchemas(responses[c]).some(meaningful)) lack(`${c} response without a schema`);
      if (!errors.some((c) => JSON.stringify(responses[c]).includes('ErrorBodyDto')))
        lack('no response with the error body');
      if (!isPublic && !(codes.includes('401') && codes.includes('403')))
        lack('no 401/403 responses');
    }
  }
  return gaps;
}
