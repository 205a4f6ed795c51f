// POST /profile/expert/photo: the expert's photo (multipart, a picture typed by its bytes) or its removal.
import { data, redirect } from 'react-router';
import type { Route } from './+types/profile-expert-photo';
import { requireActor } from '../../lib/state.server';
import { rethrowAsResponse } from '../../ui/form';
import { ExpertPhotoRejectedError } from '../../../src/features/experts/experts.errors.ts';
import { setExpertPhoto } from '../../../src/features/experts/save-profile.ts';

export function loader() {
  return redirect('/profile/expert');
}

export async function action({ request, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  if (!actor.organizationId) throw data(null, { status: 404 });
  const form = await request.formData();
  const remove = form.get('intent') === 'remove';
  const file = form.get('photo');
  try {
    await setExpertPhoto(actor, state.services, {
      organizationId: actor.organizationId,
      fileName: file instanceof File ? file.name : '',
      bytes: remove ? null : file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array(0),
    });
    return redirect(`/profile/expert?done=${remove ? 'photoRemoved' : 'photo'}#photo-title`);
  } catch (error) {
    if (error instanceof ExpertPhotoRejectedError) return redirect(`/profile/expert?photo=${error.messageKey.replace('experts.photo.', '')}#photo-title`);
    rethrowAsResponse(error);
  }
}
