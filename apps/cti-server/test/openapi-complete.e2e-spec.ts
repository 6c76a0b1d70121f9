import { type INestApplication } from '@nestjs/common';
import { type OpenAPIObject } from '@nestjs/swagger';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApiGaps } from '../../../libs/http-api/src/testing/openapi-gaps';
import { startTestDatabase, type TestDatabase } from '../../../libs/testing/src/postgres-test-db';
import { readServerSettings } from '../src/live/server-settings';
import { startServer } from '../src/main';

/*
 * The OpenAPI document the running product serves (every lib's routes, as wired in the app) is
 * one a client can use: each operation says what it does, who may call it, how to send the
 * token, what it takes and what it answers, errors included.
 */
describe('the served OpenAPI document', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let document: OpenAPIObject;
  const dataDir = mkdtempSync(join(tmpdir(), 'cti-openapi-'));

  beforeAll(async () => {
    chmodSync(dataDir, 0o755);
    db = await startTestDatabase();
    const env = {
      CTI_ADMIN_PASSWORD: 'openapi-admin-password',
      CTI_DATA_DIR: dataDir,
      DATABASE_URL: db.url,
    };
    app = await startServer({ ...readServerSettings(env), port: 0 }, env);
    const { port } = app.getHttpServer().address() as AddressInfo;
    document = (await (
      await fetch(`http://127.0.0.1:${port}/api/docs-json`)
    ).json()) as OpenAPIObject;
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await db?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('covers the QA and quota-day routes too', () => {
    const paths = Object.keys(document.paths);
    expect(paths).toEqual(
      expect.arrayContaining(['/api/agents', '/api/qa/evaluations', '/api/workforce/quota-day']),
    );
  });

  it('describes every operation: summary, roles, security, request and response schemas, errors', () => {
    expect(openApiGaps(document)).toEqual([]);
  });

  it('lists every error code of the registry in the error body schema', () => {
    const body = document.components?.schemas?.ErrorBodyDto as {
      properties: { code: { enum: string[] } };
    };
    expect(body.properties.code.enum).toEqual(
      expect.arrayContaining(['VALIDATION_FAILED', 'QA_NOT_FOUND']),
    );
  });
});
