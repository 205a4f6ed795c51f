// /api/v1's OpenAPI 3.1 document is valid (a real validator, not our own check),
// and what the server sends matches what it documents (ADR 037).
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { apiModules } from '../server/api.ts';
import { createApi, type ApiEnv } from '../src/platform/api/api.ts';
import type { RequestState } from '../src/platform/http/request-state.ts';
import type { Services } from '../src/platform/services.ts';

function appWith(state: Partial<RequestState>) {
  const api = createApi({} as Services, apiModules);
  const app = new Hono<ApiEnv>();
  app.use('*', async (c, next) => {
    c.set('state', { locale: 'fi', actor: null, ...state } as RequestState);
    await next();
  });
  app.route('/api/v1', api);
  return app;
}

type Doc = { openapi: string; paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>>; components: { schemas: Record<string, unknown> } };

async function documentOf(app: Hono<ApiEnv>): Promise<Doc> {
  const res = await app.request('/api/v1/openapi.json');
  expect(res.status).toBe(200);
  return (await res.json()) as Doc;
}

/** Validates a body against the documented response schema (refs resolved against the components). */
function responseValidator(doc: Doc) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ $id: 'doc', components: doc.components });
  return (path: string, method: string, status: number, contentType: string, body: unknown) => {
    const media = doc.paths[path]?.[method]?.responses[String(status)]?.content?.[contentType];
    if (!media) throw new Error(`${method} ${path} ${status} ${contentType} is not documented`);
    const schema = JSON.parse(JSON.stringify(media.schema).replaceAll('"#/components/', '"doc#/components/')) as object;
    const validate = ajv.compile(schema);
    const ok = validate(body);
    return ok ? [] : (validate.errors ?? []);
  };
}

describe('OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const doc = await documentOf(appWith({}));
    expect(doc.openapi).toBe('3.1.0');
    const result = await new Validator().validate(doc as unknown as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('the validator does refuse a broken document (so the test above means something)', async () => {
    const doc = await documentOf(appWith({}));
    const broken = { ...doc, paths: { '/me': { get: { responses: { 200: { content: 'not an object' } } } } } };
    expect((await new Validator().validate(broken as unknown as Record<string, unknown>)).valid).toBe(false);
  });

  it('documents a problem+json body for the 401 of /me, and sends exactly that', async () => {
    const app = appWith({});
    const doc = await documentOf(app);
    const check = responseValidator(doc);
    const res = await app.request('/api/v1/me');
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(check('/me', 'get', 401, 'application/problem+json', await res.json())).toEqual([]);
  });

  it('sends 401 problem+json for the members list when signed out, as documented', async () => {
    const app = appWith({});
    const doc = await documentOf(app);
    const check = responseValidator(doc);
    const res = await app.request('/api/v1/organizations/0190a000-0000-7000-8000-00000000000a/members');
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(check('/organizations/{organizationId}/members', 'get', 401, 'application/problem+json', await res.json())).toEqual([]);
  });
});
