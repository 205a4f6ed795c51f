// Use case: the lead organisation's coordinator or admin edits a programme. Changing the indicator
// set drops the planned values of the old set (they name indicators the programme no longer has).
import { and, eq, notInArray } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { programmePolicy } from '../../platform/policy/index.ts';
import { indicatorsOf } from './indicators.ts';
import { loadAuthorized } from './load.ts';
import { programmes, programmeTargets } from './programmes.schema.ts';
import type { ProgrammeInput } from './programmes.validation.ts';

export async function updateProgramme(actor: Actor | null, deps: { db: Db }, input: { programmeId: string; programme: ProgrammeInput }): Promise<void> {
  const { programme } = await loadAuthorized(deps.db, actor, input.programmeId, programmePolicy.edit);
  const key = { organizationId: programme.organizationId, programmeId: programme.id };
  await deps.db.transaction(async (tx) => {
    await tx
      .update(programmes)
      .set({ ...input.programme, updatedAt: new Date() })
      .where(and(eq(programmes.organizationId, key.organizationId), eq(programmes.id, key.programmeId)));
    if (input.programme.indicatorSet !== programme.indicatorSet) {
      const codes = indicatorsOf(input.programme.indicatorSet).map((i) => i.code);
      await tx
        .delete(programmeTargets)
        .where(and(eq(programmeTargets.organizationId, key.organizationId), eq(programmeTargets.programmeId, key.programmeId), notInArray(programmeTargets.indicatorCode, codes)));
    }
    await recordAudit(tx, { organizationId: key.organizationId, actorUserId: actor!.userId, action: 'programmes.updated', targetType: 'programme', targetId: key.programmeId });
  });
}
