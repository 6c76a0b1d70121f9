import { Controller, Get, type INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { startTestDatabase } from '../../testing/src/postgres-test-db';
import { PUBLIC_KEY, ROLES_KEY } from './access/access.decorators';
import { type ApiTestApp, startApiTestApp } from './testing/api-test-app';
import { expectError } from './testing/expect-error';

/** A controller someone forgot to annotate: the guard must refuse it to everyone. */
@Controller('api/forgotten')
class ForgottenController {
  @Get()
  secrets(): string {
    return 'customer numbers';
  }
}

interface ExpressLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** Every route Express serves (Nest's and the OpenAPI ones), as "METHOD path". */
function expressRoutes(app: INestApplication): string[] {
  // Express 5 exposes its router as `router` (Express 4 had the private `_router`).
  const express = app.getHttpAdapter().getInstance() as { router: { stack: ExpressLayer[] } };
  return express.router.stack.flatMap((layer) =>
    layer.route
      ? Object.keys(layer.route.methods).map((m) => `${m.toUpperCase()} ${layer.route!.path}`)
      : [],
  );
}

/** Every controller method of the app with its declared access. */
function declaredRoutes(
  app: INestApplication,
): { name: string; access: 'public' | string[] | undefined }[] {
  const found: { name: string; access: 'public' | string[] | undefined }[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const cls = wrapper.metatype as unknown as {
        prototype: Record<string, unknown>;
        name: string;
      };
      for (const key of Object.getOwnPropertyNames(cls.prototype)) {
        const handler = cls.prototype[key];
        if (
          typeof handler !== 'function' ||
          Reflect.getMetadata(METHOD_METADATA, handler) === undefined
        )
          continue;
        const isPublic =
          Reflect.getMetadata(PUBLIC_KEY, handler) ?? Reflect.getMetadata(PUBLIC_KEY, cls);
        const roles = (Reflect.getMetadata(ROLES_KEY, handler) ??
          Reflect.getMetadata(ROLES_KEY, cls)) as string[] | undefined;
        found.push({
          name: `${cls.name}.${key} ${String(Reflect.getMetadata(PATH_METADATA, handler))}`,
          access: isPublic ? 'public' : roles,
        });
      }
    }
  }
  return found;
}

const PUBLIC_ROUTES = ['POST /api/auth/login', 'GET /health', 'GET /metrics'];
/** Served by SwaggerModule on the adapter: the UI, its assets and the documents. */
const isOpenApiRoute = (route: string): boolean => /^GET \/api\/docs($|[-/])/.test(route);

describe('deny by default: every route declares who may call it (real app)', () => {
  let api: ApiTestApp;

  beforeAll(async () => {
    api = await startApiTestApp(await startTestDatabase(), {
      extraControllers: [ForgottenController],
    });
  });
  afterAll(() => api?.close());

  it('every API controller method carries @Roles or @Public', () => {
    const routes = declaredRoutes(api.app).filter((r) => !r.name.startsWith('ForgottenController'));
    expect(routes.map((r) => r.name)).toHaveLength(14);
    const undeclared = routes.filter(
      (r) => r.access === undefined || (Array.isArray(r.access) && r.access.length === 0),
    );
    expect(undeclared).toEqual([]);
    expect(routes.filter((r) => r.access === 'public').map((r) => r.name)).toEqual([
      'AuthController.login login',
      'HealthController.health /',
      'MetricsController.metrics /',
    ]);
  });

  it('an undeclared route is refused to everyone, even an admin, and never runs', async () => {
    for (const headers of [{}, { Authorization: `Bearer ${api.tokens.admin}` }]) {
      const res = await api.http().get('/api/forgotten').set(headers);
      expectError(res, 403, 'FORBIDDEN');
      expect(res.text).not.toContain('customer numbers');
    }
  });

  it('every route Express serves: 401 without a token, unless public', async () => {
    const routes = expressRoutes(api.app).filter((r) => r !== 'GET /api/forgotten');
    const sample = (path: string) => path.replace(':id', '00000000-0000-4000-8000-000000000000');
    const protectedRoutes = routes.filter((r) => !PUBLIC_ROUTES.includes(r) && !isOpenApiRoute(r));
    expect(protectedRoutes.sort()).toEqual(
      [
        'GET /api/auth/me',
        'GET /api/users',
        'POST /api/users',
        'PATCH /api/users/:id',
        'POST /api/users/:id/password',
        'GET /api/agents',
        'GET /api/agents/:id/day',
        'GET /api/calls',
        'GET /api/calls/:id/number',
        'GET /api/queues',
        'GET /api/audit',
      ].sort(),
    );
    for (const route of protectedRoutes) {
      const [method, path] = route.split(' ');
      const res = await api
        .http()
        [method.toLowerCase() as 'get' | 'post' | 'patch'](sample(path))
        .send({});
      expectError(res, 401, 'UNAUTHENTICATED');
    }
    expect((await api.http().get('/health')).status).toBe(200);
    expect((await api.http().get('/metrics')).status).toBe(200);
    expectError(await api.http().post('/api/auth/login').send({}), 400, 'VALIDATION_FAILED');
  });

  it('the OpenAPI JSON (/api/docs-json) lists every route with its security and roles', async () => {
    const res = await api.http().get('/api/docs-json');
    expect(res.status).toBe(200);
    const doc = res.body as {
      paths: Record<
        string,
        Record<
          string,
          {
            security?: Record<string, string[]>[];
            'x-roles'?: string[];
            'x-public'?: boolean;
            responses: Record<string, unknown>;
          }
        >
      >;
      components: { securitySchemes: Record<string, { type: string; scheme: string }> };
    };
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({
        route: `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`,
        op,
      })),
    );
    const served = expressRoutes(api.app).filter(
      (r) => !isOpenApiRoute(r) && r !== 'GET /api/forgotten',
    );
    const ours = documented.filter((d) => d.route !== 'GET /api/forgotten');
    expect(ours.map((d) => d.route).sort()).toEqual(served.sort());
    for (const { route, op } of ours) {
      if (PUBLIC_ROUTES.includes(route)) {
        expect({ route, public: op['x-public'], security: op.security }).toEqual({
          route,
          public: true,
          security: undefined,
        });
      } else {
        expect({ route, security: op.security }).toEqual({ route, security: [{ bearer: [] }] });
        expect(op['x-roles']?.length).toBeGreaterThan(0);
        expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['401', '403']));
      }
    }
    const number = doc.paths['/api/calls/{id}/number'].get;
    expect(number['x-roles']).toEqual(['supervisor', 'qa', 'admin']);
    expect(doc.paths['/api/users'].get['x-roles']).toEqual(['admin']);
    expect((await api.http().get('/api/docs/')).status).toBe(200);
  });
});
