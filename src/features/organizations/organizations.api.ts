// /api/v1/organizations/{organizationId}/members: the same policy as the members page.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { RequestState } from '../../platform/http/request-state.ts';
import { translate } from '../../platform/i18n/i18n.ts';
import { can, canSeeOrganization, membershipPolicy } from '../../platform/policy/index.ts';
import { findOrganization, listMembers } from './organizations.queries.ts';
import { roles } from './organizations.schema.ts';

type ApiEnv = { Variables: { state: RequestState } };

const problemHeaders = { 'content-type': 'application/problem+json; charset=utf-8' };

/** Registers the organisation endpoints; `problem` is the API's shared Problem schema. */
export function registerOrganizationApi(api: OpenAPIHono<ApiEnv>, problem: z.ZodType) {
  const MemberCan = z.object({ list: z.boolean(), changeRole: z.boolean(), remove: z.boolean() }).openapi('MemberCan');
  const Member = z
    .object({ userId: z.uuid(), name: z.string(), email: z.email(), role: z.enum(roles), joinedAt: z.iso.datetime(), can: MemberCan })
    .openapi('Member');
  const MemberList = z
    .object({ organizationId: z.uuid(), organizationName: z.string(), members: z.array(Member), can: z.object({ list: z.boolean() }) })
    .openapi('MemberList');

  const route = createRoute({
    method: 'get',
    path: '/organizations/{organizationId}/members',
    summary: 'Members of an organisation (coordinators of that organisation and admins)',
    request: { params: z.object({ organizationId: z.uuid().openapi({ param: { name: 'organizationId', in: 'path' } }) }) },
    responses: {
      200: { description: 'The members, each with what the caller may do with them', content: { 'application/json': { schema: MemberList } } },
      401: { description: 'Not signed in', content: { 'application/problem+json': { schema: problem } } },
      403: { description: 'A member of the organisation who may not list its members', content: { 'application/problem+json': { schema: problem } } },
      404: { description: 'No such organisation, or another organisation (existence is not revealed)', content: { 'application/problem+json': { schema: problem } } },
    },
  });

  api.openapi(route, async (c) => {
    const { actor, locale, services } = c.get('state');
    const fail = (status: 401 | 403 | 404, key: 'error.signInRequired' | 'error.forbidden' | 'error.notFound', code: string) =>
      c.json({ type: 'about:blank', title: translate(locale, key), status, code }, status, problemHeaders);
    // validate (by the schema) → load (scoped) → authorize → respond with `can`
    if (!actor) return fail(401, 'error.signInRequired', 'unauthenticated');
    const { organizationId } = c.req.valid('param');
    const scope = { organizationId };
    if (!canSeeOrganization(actor, scope)) return fail(404, 'error.notFound', 'not_found');
    const organization = await findOrganization(services.db, scope);
    if (!organization) return fail(404, 'error.notFound', 'not_found');
    if (!membershipPolicy.list(actor, scope)) return fail(403, 'error.forbidden', 'forbidden');
    const members = await listMembers(services.db, scope);
    return c.json(
      {
        organizationId,
        organizationName: organization.name,
        can: { list: true },
        members: members.map((m) => ({ userId: m.userId, name: m.name, email: m.email, role: m.role, joinedAt: m.createdAt.toISOString(), can: can(membershipPolicy, actor, m) })),
      },
      200,
    );
  });
}
