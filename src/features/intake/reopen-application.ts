// Use case: the coordinator undoes a decline: the application is open again (contacted),
// back in the queue to be assigned or declined anew. The message sent stays on record
// (the applicant has it already; the page says so), and the audit log has both steps.
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { applicationPolicy, authorize } from '../../platform/policy/index.ts';
import { ApplicationNotDeclinedError } from './intake.errors.ts';
import { findApplication, updateApplication } from './intake.queries.ts';

export async function reopenApplication(actor: Actor | null, deps: { db: Db }, input: { organizationId: string; applicationId: string }, options: { now?: Date } = {}): Promise<void> {
  const { organizationId, applicationId } = input;
  await deps.db.transaction(async (tx) => {
    const application = await findApplication(tx, { organizationId, applicationId, forUpdate: true });
    if (!application) throw new NotFoundError();
    authorize(actor, application, applicationPolicy.read);
    if (!applicationPolicy.reopen(actor, application)) throw new ApplicationNotDeclinedError();
    await updateApplication(tx, { organizationId, applicationId, values: { status: 'contacted', handledBy: actor?.userId ?? null } }, options.now);
    await recordAudit(tx, { organizationId, actorUserId: actor?.userId, action: 'intake.application_reopened', targetType: 'application', targetId: applicationId });
  });
}
