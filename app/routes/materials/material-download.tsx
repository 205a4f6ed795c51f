// /materials/:id/download: one file, always as an attachment in its detected type, never
// rendered by the browser (nosniff, a sandboxing CSP), and not cached by shared caches.
import { data } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/material-download';
import { requireActor } from '../../lib/state.server';
import { rethrowAsResponse } from '../../ui/form';
import { contentDisposition } from '../../../src/platform/http/content-disposition.ts';
import { detectType, downloadName } from '../../../src/features/materials/detect-type.ts';
import { findMaterialOrganization } from '../../../src/features/materials/materials.queries.ts';
import { openMaterial } from '../../../src/features/materials/read-materials.ts';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const parsed = z.uuid().safeParse(params.id);
  if (!parsed.success) throw data(null, { status: 404 });
  const materialId = parsed.data;
  const { services } = state;
  const organizationId = await findMaterialOrganization(services.db, { organizationIds: actor.memberships.map((m) => m.organizationId), materialId });
  if (!organizationId) throw data(null, { status: 404 });
  try {
    const { material, bytes } = await openMaterial(actor, services, { organizationId, materialId });
    // The stored type was detected at upload; detecting again guards against a changed file.
    const type = detectType(bytes, material.fileName);
    if (!type || type.mediaType !== material.mediaType) throw data(null, { status: 404 });
    return new Response(new Uint8Array(bytes), {
      headers: {
        'Content-Type': material.mediaType,
        'Content-Length': String(bytes.length),
        'Content-Disposition': contentDisposition(downloadName(material.fileName, type)),
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "sandbox; default-src 'none'",
        'Cache-Control': 'private, no-store',
      },
    });
  } catch (error) {
    rethrowAsResponse(error);
  }
}
