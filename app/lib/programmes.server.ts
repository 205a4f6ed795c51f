// Loading the programme named in a URL: a malformed id or an unknown programme is 404, then the
// rule decides 403/404 (an organisation outside the programme gets 404).
import { data } from 'react-router';
import type { Actor } from '../../src/platform/auth/actor.ts';
import type { Services } from '../../src/platform/services.ts';
import { authorize, programmePolicy, type ProgrammeResource, type Rule } from '../../src/platform/policy/index.ts';
import { loadProgramme, type LoadedProgramme } from '../../src/features/programmes/programmes.queries.ts';
import { rethrowAsResponse } from '../ui/form';
import { uuidParam } from './params.server';

export async function loadProgrammeFor(services: Pick<Services, 'db'>, actor: Actor, programmeIdParam: string | undefined, rule: Rule<ProgrammeResource>): Promise<LoadedProgramme> {
  const programmeId = uuidParam(programmeIdParam);
  const loaded = await loadProgramme(services.db, { programmeId });
  if (!loaded) throw data(null, { status: 404 });
  try {
    authorize(actor, loaded.resource, rule);
  } catch (error) {
    rethrowAsResponse(error);
  }
  return loaded;
}

/** The actor's organisation for the programmes list and the new-programme page (no organisation: 404). */
export function requireProgrammeStaff(actor: Actor): string {
  if (!actor.organizationId) throw data(null, { status: 404 });
  try {
    authorize(actor, { organizationId: actor.organizationId, participatingOrganizationIds: [], funderUserIds: [] }, programmePolicy.list);
  } catch (error) {
    rethrowAsResponse(error);
  }
  return actor.organizationId;
}
