// Loading a programme for a use case: 404 when it does not exist, then the rule decides 403/404.
import type { Actor } from '../../platform/auth/actor.ts';
import type { Tx } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize, type ProgrammeResource, type Rule } from '../../platform/policy/index.ts';
import { loadProgramme, type LoadedProgramme } from './programmes.queries.ts';

export async function loadAuthorized(db: Tx, actor: Actor | null, programmeId: string, rule: Rule<ProgrammeResource>): Promise<LoadedProgramme> {
  const loaded = await loadProgramme(db, { programmeId });
  if (!loaded) throw new NotFoundError();
  authorize(actor, loaded.resource, rule);
  return loaded;
}
