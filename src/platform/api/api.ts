// /api/v1: JSON API described by OpenAPI 3.1, generated from the zod schemas.
// The platform owns the frame (errors, /me, the document); features export their
// operations as ApiModules, which the composition root hands in (server/api.ts).
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { RequestState } from '../http/request-state.ts';
import { translate } from '../i18n/i18n.ts';
import type { Services } from '../services.ts';

export type ApiEnv = { Variables: { state: RequestState } };

/** A feature's API operations: registers its routes; `problem` is the API's shared Problem schema. */
export type ApiModule = (api: OpenAPIHono<ApiEnv>, problem: z.ZodType) => void;

const Problem = z
  .object({ type: z.string(), title: z.string(), status: z.number().int(), code: z.string().optional() })
  .openapi('Problem');

const Membership = z.object({ organizationId: z.uuid(), organizationName: z.string(), role: z.string() }).openapi('Membership');
const Me = z
  .object({
    id: z.uuid(),
    name: z.string(),
    email: z.email(),
    locale: z.enum(['fi', 'sv', 'en']).nullable(),
    organizationId: z.uuid().nullable(),
    role: z.string().nullable(),
    memberships: z.array(Membership),
  })
  .openapi('Me');

const meRoute = createRoute({
  method: 'get',
  path: '/me',
  summary: 'The signed-in person',
  responses: {
    200: { description: 'The signed-in person and their memberships', content: { 'application/json': { schema: Me } } },
    401: { description: 'Not signed in', content: { 'application/problem+json': { schema: Problem } } },
  },
});

export function createApi(_services: Services, modules: readonly ApiModule[]) {
  const api = new OpenAPIHono<ApiEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const locale = c.get('state').locale;
        return c.json({ type: 'about:blank', title: translate(locale, 'error.badRequest'), status: 400, code: 'invalid_input', errors: result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) }, 400, { 'content-type': 'application/problem+json; charset=utf-8' });
      }
    },
  });

  api.openapi(meRoute, (c) => {
    const { actor, locale } = c.get('state');
    if (!actor) {
      return c.json({ type: 'about:blank', title: translate(locale, 'error.signInRequired'), status: 401, code: 'unauthenticated' }, 401, { 'content-type': 'application/problem+json; charset=utf-8' });
    }
    return c.json(
      { id: actor.userId, name: actor.name, email: actor.email, locale: actor.locale, organizationId: actor.organizationId, role: actor.role, memberships: actor.memberships },
      200,
    );
  });

  for (const register of modules) register(api, Problem);

  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Työpeili API', version: '1' },
    servers: [{ url: '/api/v1' }],
  });
  return api;
}
