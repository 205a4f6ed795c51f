// Use case: the coordinator declines an application with a message to the applicant
// (mailed in the applicant's language, in the same transaction).
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { isLocale } from '../../platform/i18n/i18n.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { enqueueMail } from '../../platform/mail/mail.ts';
import { applicationPolicy, authorize } from '../../platform/policy/index.ts';
import { findOrganization } from '../organizations/organizations.queries.ts';
import { ApplicationClosedError } from './intake.errors.ts';
import { findApplication, updateApplication } from './intake.queries.ts';

export async function declineApplication(
  actor: Actor | null,
  deps: { db: Db; jobs: Jobs },
  input: { organizationId: string; applicationId: string; message: string },
  options: { now?: Date } = {},
): Promise<void> {
  const now = options.now ?? new Date();
  const { organizationId, applicationId } = input;
  await deps.db.transaction(async (tx) => {
    const application = await findApplication(tx, { organizationId, applicationId, forUpdate: true });
    if (!application) throw new NotFoundError();
    authorize(actor, application, applicationPolicy.read);
    if (!applicationPolicy.decline(actor, application)) throw new ApplicationClosedError();
    const organization = await findOrganization(tx, { organizationId });
    if (!organization) throw new NotFoundError();
    const message = input.message.trim();
    await updateApplication(tx, { organizationId, applicationId, values: { status: 'declined', declineMessage: message, handledBy: actor?.userId ?? null } }, now);
    await recordAudit(tx, { organizationId, actorUserId: actor?.userId, action: 'intake.application_declined', targetType: 'application', targetId: applicationId });
    await enqueueMail(tx, deps.jobs, {
      to: application.email,
      locale: isLocale(application.locale) ? application.locale : 'fi',
      template: 'applicationDeclined',
      values: { name: application.name, organization: organization.name, message },
    });
  });
}
