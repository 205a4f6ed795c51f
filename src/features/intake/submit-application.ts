// Use case: someone (no account) applies to a peer group. One transaction: the
// application and the confirmation mail in the applicant's chosen language.
// Validation, the spam checks and the rate limit happen before (in the page).
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { enqueueMail } from '../../platform/mail/mail.ts';
import { findOrganization } from '../organizations/organizations.queries.ts';
import { enqueueWebhookEvent } from '../webhooks/index.ts';
import { insertApplication } from './intake.queries.ts';
import type { ApplicationInput } from './intake.validation.ts';

export async function submitApplication(deps: { db: Db; jobs: Jobs }, input: ApplicationInput, options: { now?: Date } = {}): Promise<{ applicationId: string }> {
  const now = options.now ?? new Date();
  const { organizationId } = input;
  return deps.db.transaction(async (tx) => {
    const organization = await findOrganization(tx, { organizationId });
    if (!organization) throw new NotFoundError();
    const row = await insertApplication(tx, {
      organizationId,
      name: input.name,
      email: input.email,
      phone: input.phone,
      companyName: input.companyName,
      businessId: input.businessId,
      sector: input.sector,
      size: input.size,
      municipality: input.municipality,
      birthYear: input.birthYear,
      formats: [...new Set(input.formats)],
      locale: input.locale,
      availability: input.availability,
      hopes: input.hopes,
      consentAt: now,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, { organizationId, action: 'intake.application_submitted', targetType: 'application', targetId: row.id });
    await enqueueWebhookEvent(tx, deps.jobs, organizationId, 'application.created', { application: row.id }, { now });
    await enqueueMail(tx, deps.jobs, {
      to: input.email,
      locale: input.locale,
      template: 'applicationReceived',
      values: { name: input.name, organization: organization.name },
    });
    return { applicationId: row.id };
  });
}
