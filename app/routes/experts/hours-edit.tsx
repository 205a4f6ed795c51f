// POST /organization/experts/hours/:hoursId: the coordinator or the expert corrects recorded hours (with a note).
import { data, redirect } from 'react-router';
import type { Route } from './+types/hours-edit';
import { requireActor } from '../../lib/state.server';
import { formFields, uuidParam } from '../../lib/params.server';
import { rethrowAsResponse } from '../../ui/form';
import { editExpertHours } from '../../../src/features/experts/expert-hours.ts';
import { findHours } from '../../../src/features/experts/experts.queries.ts';
import { hoursFormSchema } from '../../../src/features/experts/experts.validation.ts';

export function loader() {
  throw data(null, { status: 404 });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const hoursId = uuidParam(params.hoursId);
  if (!actor.organizationId) throw data(null, { status: 404 });
  const row = await findHours(state.services.db, { organizationId: actor.organizationId, hoursId });
  if (!row) throw data(null, { status: 404 });
  const form = await formFields(request);
  const back = form.back === 'invitation' ? `/expert-invitations/${row.invitationId}` : '/organization/experts';
  const parsed = hoursFormSchema.safeParse(form);
  if (!parsed.success) return redirect(`${back}?hours=invalid#hours-title`);
  try {
    await editExpertHours(actor, state.services, { organizationId: actor.organizationId, hoursId, minutes: parsed.data.hours, note: parsed.data.note });
  } catch (error) {
    rethrowAsResponse(error);
  }
  return redirect(`${back}?done=hours#hours-title`);
}
