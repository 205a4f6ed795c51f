// Use case: a participant tells their end date and situation on leaving (after their start data).
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize, participantDataPolicy } from '../../platform/policy/index.ts';
import { ProgrammeChangeError } from './programmes.errors.ts';
import { participantContext } from './programmes.queries.ts';
import { programmeParticipantEnds } from './programmes.schema.ts';
import type { EndInput } from './programmes.validation.ts';

export async function recordEnd(actor: Actor | null, deps: { db: Db }, input: { programmeId: string; end: EndInput }): Promise<void> {
  if (!actor) throw new NotFoundError();
  const context = await participantContext(deps.db, { userId: actor.userId, programmeId: input.programmeId });
  if (!context) throw new NotFoundError();
  authorize(actor, context.resource, participantDataPolicy.enterOwn);
  if (!context.start) throw new ProgrammeChangeError('programmes.end.startFirst');
  if (input.end.endedOn < context.start.startedOn) throw new ProgrammeChangeError('programmes.validation.endBeforeStart');
  const situations = input.end.situations.includes('other') && input.end.situations.length > 1 ? input.end.situations.filter((s) => s !== 'other') : [...new Set(input.end.situations)];
  const key = { organizationId: context.programme.organizationId, programmeId: context.programme.id, userId: actor.userId };
  const values = { endedOn: input.end.endedOn, situations, recordedAt: new Date() };
  await deps.db.transaction(async (tx) => {
    await tx
      .insert(programmeParticipantEnds)
      .values({ ...key, ...values })
      .onConflictDoUpdate({ target: [programmeParticipantEnds.organizationId, programmeParticipantEnds.programmeId, programmeParticipantEnds.userId], set: values });
    await recordAudit(tx, { organizationId: key.organizationId, actorUserId: actor.userId, action: 'programmes.end_recorded', targetType: 'programme', targetId: key.programmeId });
  });
}
