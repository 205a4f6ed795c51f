// /groups/:groupId/photo: a member sets or removes the photo the others in the group see.
// The form lives on the agreement page ("how the others see you"); errors come back there.
import { data, redirect } from 'react-router';
import type { Route } from './+types/group-photo';
import { requireActor } from '../../lib/state.server';
import { uuidParam } from '../../lib/params.server';
import { rethrowAsResponse } from '../../ui/form';
import { DomainError } from '../../../src/platform/errors.ts';
import { locateGroup } from '../../../src/features/groups/locate.ts';
import { removeMemberPhoto, setMemberPhoto } from '../../../src/features/groups/member-photo.ts';

export async function loader({ params }: Route.LoaderArgs) {
  return redirect(`/groups/${uuidParam(params.groupId)}/agreement`);
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const groupId = uuidParam(params.groupId);
  const organizationId = await locateGroup(state.services.db, actor, groupId);
  if (!organizationId) throw data(null, { status: 404 });
  const form = await request.formData();
  const back = (done: string) => redirect(`/groups/${groupId}/agreement?photo=${done}`);
  try {
    if (form.get('intent') === 'remove') {
      await removeMemberPhoto(actor, state.services, { organizationId, groupId });
      return back('removed');
    }
    const file = form.get('photo');
    const bytes = file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
    await setMemberPhoto(actor, state.services, { organizationId, groupId, bytes, fileName: file instanceof File ? file.name : '' });
    return back('saved');
  } catch (error) {
    if (error instanceof DomainError && error.status === 400) return redirect(`/groups/${groupId}/agreement?photoError=${encodeURIComponent(error.code)}`);
    rethrowAsResponse(error);
  }
}
