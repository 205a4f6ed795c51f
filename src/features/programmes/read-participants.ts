// Use case: the lead organisation's coordinator reads the participants' start and end data for
// reporting (and reconciling with EURA 2021). Every read is in the audit log with its subjects.
import type { Actor } from '../../platform/auth/actor.ts';
import { recordStaffRead } from '../../platform/audit/staff-reads.ts';
import type { Db } from '../../platform/db/db.ts';
import { authorize, participantDataPolicy } from '../../platform/policy/index.ts';
import { loadProgramme, participantRows, type LoadedProgramme, type ParticipantRow } from './programmes.queries.ts';
import { NotFoundError } from '../../platform/errors.ts';

export async function readParticipants(actor: Actor | null, deps: { db: Db }, input: { programmeId: string }): Promise<{ loaded: LoadedProgramme; participants: ParticipantRow[] }> {
  const loaded = await loadProgramme(deps.db, { programmeId: input.programmeId });
  if (!loaded) throw new NotFoundError();
  const organizationId = loaded.programme.organizationId;
  authorize(actor, { organizationId, userId: '', isParticipant: true }, participantDataPolicy.readForReporting);
  return deps.db.transaction(async (tx) => {
    const participants = await participantRows(tx, { organizationId, programmeId: input.programmeId });
    await recordStaffRead(tx, actor!, {
      organizationId,
      purpose: 'programmes.participants',
      targetType: 'programme',
      targetId: input.programmeId,
      subjectUserIds: participants.map((p) => p.userId),
    });
    return { loaded, participants };
  });
}
