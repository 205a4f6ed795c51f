// POST /switch-organization: make another of one's organisations the active one.
import { data, redirect } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/switch-organization';
import { requireActor } from '../../lib/state.server';
import { rethrowAsResponse } from '../../ui/form';
import { authorize, organizationPolicy } from '../../../src/platform/policy/index.ts';
import { setActiveOrganization } from '../../../src/features/accounts/sessions.ts';

const schema = z.object({ organizationId: z.uuid(), next: z.string().max(500).optional() });

function localPath(next: string | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/home';
  return next;
}

export async function action({ request, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const parsed = schema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw data(null, { status: 400 });
  const { organizationId, next } = parsed.data;
  try {
    authorize(actor, { organizationId }, organizationPolicy.switchTo);
  } catch (error) {
    rethrowAsResponse(error);
  }
  if (!state.sessionId) throw data(null, { status: 401 });
  await setActiveOrganization(state.services.db, state.sessionId, organizationId);
  return redirect(localPath(next));
}

export function loader() {
  return redirect('/home');
}
