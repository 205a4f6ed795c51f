// /groups/:groupId/photos/:userId: a member's photo, for people who may read the group.
// Served as an image of the type detected from its bytes, never cached by shared caches.
import { data } from 'react-router';
import type { Route } from './+types/group-member-photo';
import { requireActor } from '../../lib/state.server';
import { uuidParam } from '../../lib/params.server';
import { rethrowAsResponse } from '../../ui/form';
import { locateGroup } from '../../../src/features/groups/locate.ts';
import { readMemberPhoto } from '../../../src/features/groups/member-photo.ts';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const groupId = uuidParam(params.groupId);
  const userId = uuidParam(params.userId);
  const organizationId = await locateGroup(state.services.db, actor, groupId);
  if (!organizationId) throw data(null, { status: 404 });
  let photo: Awaited<ReturnType<typeof readMemberPhoto>> = null;
  try {
    photo = await readMemberPhoto(actor, state.services, { organizationId, groupId, userId });
  } catch (error) {
    rethrowAsResponse(error);
  }
  if (!photo) throw data(null, { status: 404 });
  return new Response(new Uint8Array(photo.bytes), {
    headers: { 'content-type': photo.mediaType, 'x-content-type-options': 'nosniff', 'cache-control': 'private, max-age=300', 'content-security-policy': "sandbox; default-src 'none'" },
  });
}
