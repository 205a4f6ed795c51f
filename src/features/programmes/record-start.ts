// Use case: a participant enters (or corrects) their own start data for a programme whose group
// they joined. The start date is the day they first joined one of its groups. The date of birth,
// if given, only sets the age band at entry and is not stored; the special-category items are
// kept only when the programme asks them. Nothing of the answers goes to the audit log.
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize, participantDataPolicy } from '../../platform/policy/index.ts';
import { ageBandAt } from './indicators.ts';
import { ProgrammeChangeError } from './programmes.errors.ts';
import { participantContext } from './programmes.queries.ts';
import { programmeParticipantStarts } from './programmes.schema.ts';
import type { StartInput } from './programmes.validation.ts';

export async function recordStart(actor: Actor | null, deps: { db: Db }, input: { programmeId: string; start: StartInput }): Promise<void> {
  if (!actor) throw new NotFoundError();
  const context = await participantContext(deps.db, { userId: actor.userId, programmeId: input.programmeId });
  if (!context) throw new NotFoundError();
  authorize(actor, context.resource, participantDataPolicy.enterOwn);
  const startedOn = context.start?.startedOn ?? context.joinedOn!;
  const s = input.start;
  let ageBand = s.ageBand;
  let ageBandSource: 'birth_date' | 'chosen' | null = s.ageBand ? 'chosen' : null;
  if (s.birthDate) {
    ageBand = ageBandAt(s.birthDate, startedOn);
    if (!ageBand) throw new ProgrammeChangeError('programmes.validation.birthDate');
    ageBandSource = 'birth_date';
  }
  const asks = context.programme.asksSpecialCategories;
  const values = {
    startedOn,
    gender: s.gender,
    employmentStatus: s.employmentStatus,
    ageBand,
    ageBandSource,
    education: s.education,
    disability: asks ? s.disability : null,
    minority: asks ? s.minority : null,
    thirdCountNational: asks ? s.thirdCountNational : null,
    foreignBackground: asks ? s.foreignBackground : null,
    homeless: asks ? s.homeless : null,
    rural: asks ? s.rural : null,
    recordedAt: new Date(),
  };
  const key = { organizationId: context.programme.organizationId, programmeId: context.programme.id, userId: actor.userId };
  await deps.db.transaction(async (tx) => {
    await tx
      .insert(programmeParticipantStarts)
      .values({ ...key, ...values })
      .onConflictDoUpdate({ target: [programmeParticipantStarts.organizationId, programmeParticipantStarts.programmeId, programmeParticipantStarts.userId], set: values });
    await recordAudit(tx, { organizationId: key.organizationId, actorUserId: actor.userId, action: 'programmes.start_recorded', targetType: 'programme', targetId: key.programmeId });
  });
}
