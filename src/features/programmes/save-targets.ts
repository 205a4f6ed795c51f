// Use case: the lead organisation's coordinator or admin sets the planned value per indicator.
// Only planned values: realised values are computed from the data and never typed.
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { programmePolicy } from '../../platform/policy/index.ts';
import { findIndicator } from './indicators.ts';
import { loadAuthorized } from './load.ts';
import { ProgrammeChangeError } from './programmes.errors.ts';
import { programmeTargets } from './programmes.schema.ts';

export async function saveTargets(actor: Actor | null, deps: { db: Db }, input: { programmeId: string; targets: readonly { code: string; planned: number }[] }): Promise<void> {
  const { programme } = await loadAuthorized(deps.db, actor, input.programmeId, programmePolicy.editTargets);
  for (const t of input.targets) {
    if (findIndicator(t.code)?.set !== programme.indicatorSet) throw new ProgrammeChangeError('programmes.validation.target');
  }
  const key = { organizationId: programme.organizationId, programmeId: programme.id };
  await deps.db.transaction(async (tx) => {
    await tx.delete(programmeTargets).where(and(eq(programmeTargets.organizationId, key.organizationId), eq(programmeTargets.programmeId, key.programmeId)));
    if (input.targets.length > 0) await tx.insert(programmeTargets).values(input.targets.map((t) => ({ ...key, indicatorCode: t.code, planned: t.planned })));
    await recordAudit(tx, { organizationId: key.organizationId, actorUserId: actor!.userId, action: 'programmes.targets_saved', targetType: 'programme', targetId: key.programmeId, metadata: { targets: input.targets.length } });
  });
}
