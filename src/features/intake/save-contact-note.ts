// Use case: the coordinator writes down how the first contact went. A new
// application becomes "contacted"; the note can be edited later.
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { applicationPolicy, authorize } from '../../platform/policy/index.ts';
import { findApplication, updateApplication } from './intake.queries.ts';

export async function saveContactNote(actor: Actor | null, deps: { db: Db }, input: { organizationId: string; applicationId: string; note: string }, options: { now?: Date } = {}): Promise<void> {
  const now = options.now ?? new Date();
  const { organizationId, applicationId } = input;
  await deps.db.transaction(async (tx) => {
    const application = await findApplication(tx, { organizationId, applicationId, forUpdate: true });
    if (!application) throw new NotFoundError();
    authorize(actor, application, applicationPolicy.note);
    const note = input.note.trim();
    await updateApplication(
      tx,
      { organizationId, applicationId, values: { contactNote: note === '' ? null : note, status: application.status === 'new' && note !== '' ? 'contacted' : application.status, handledBy: actor?.userId ?? null } },
      now,
    );
    await recordAudit(tx, { organizationId, actorUserId: actor?.userId, action: 'intake.contact_note_saved', targetType: 'application', targetId: applicationId });
  });
}
