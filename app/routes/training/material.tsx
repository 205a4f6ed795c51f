// /training/materials/:materialId: a course file, always as an attachment in its detected type
// (as the meetings' materials), for those who may read the course (coordinators, the cohorts'
// mentors and trainees).
import { data } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/material';
import { requireActor } from '../../lib/state.server';
import { contentDisposition } from '../../../src/platform/http/content-disposition.ts';
import { coursePolicy } from '../../../src/platform/policy/index.ts';
import { detectType, downloadName } from '../../../src/features/materials/detect-type.ts';
import { readMaterialFile } from '../../../src/features/materials/material-storage.ts';
import { cohortResource, findMaterial, listCohorts } from '../../../src/features/training/training.queries.ts';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const parsed = z.uuid().safeParse(params.materialId);
  if (!parsed.success || !actor.organizationId) throw data(null, { status: 404 });
  const organizationId = actor.organizationId;
  const { db, config } = state.services;
  const found = await findMaterial(db, { organizationId, materialId: parsed.data });
  if (!found || found.material.kind !== 'file' || !found.material.storageKey || !found.material.fileName) throw data(null, { status: 404 });
  let allowed = coursePolicy.manage(actor, { organizationId });
  for (const cohort of allowed ? [] : await listCohorts(db, { organizationId, courseId: found.courseId })) {
    if (coursePolicy.read(actor, await cohortResource(db, cohort, actor))) {
      allowed = true;
      break;
    }
  }
  if (!allowed) throw data(null, { status: 404 });
  const bytes = await readMaterialFile(config.dataDir, organizationId, found.material.storageKey);
  const type = detectType(bytes, found.material.fileName);
  if (!type || type.mediaType !== found.material.mediaType) throw data(null, { status: 404 });
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': type.mediaType,
      'Content-Length': String(bytes.length),
      'Content-Disposition': contentDisposition(downloadName(found.material.fileName, type)),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "sandbox; default-src 'none'",
      'Cache-Control': 'private, no-store',
    },
  });
}
