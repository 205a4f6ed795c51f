// When an assigned applicant joins the organisation (accepts the invitation, or is
// a member already), their application is carried over: they become a member of
// the group they were assigned to, and the application's facts become their
// entrepreneur profile and company. Idempotent: running it twice changes nothing more.
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/db.ts';
import { companies, entrepreneurProfiles, type CompanySizeCode } from '../companies/companies.schema.ts';
import { isCompanySize } from '../companies/sectors.ts';
import { groupMembers } from '../groups/groups.schema.ts';
import { findAssignedApplicationByEmail, findGroup, type Application } from './intake.queries.ts';

export interface CarriedOver {
  applicationId: string;
  groupId: string | null;
  companyId: string | null;
}

async function companyFor(tx: Tx, organizationId: string, application: Application): Promise<string | null> {
  if (!application.companyName && !application.businessId && !application.sector && !application.size && !application.municipality) return null;
  if (application.businessId) {
    const [existing] = await tx
      .select({ id: companies.id })
      .from(companies)
      .where(and(eq(companies.organizationId, organizationId), eq(companies.businessId, application.businessId)))
      .limit(1);
    if (existing) return existing.id;
  }
  const size: CompanySizeCode | null = application.size && isCompanySize(application.size) ? application.size : null;
  const [row] = await tx
    .insert(companies)
    .values({
      organizationId,
      // A sole trader without a registered company name trades under their own name.
      name: application.companyName ?? application.name,
      businessId: application.businessId,
      sector: application.sector,
      size,
      municipality: application.municipality,
    })
    .returning({ id: companies.id });
  return row?.id ?? null;
}

/**
 * Call inside the transaction that gives `userId` a membership in `organizationId`
 * (the entrepreneur_profiles row needs the membership). Returns null when the
 * person has no assigned application there.
 */
export async function carryOverApplication(tx: Tx, { organizationId, email, userId }: { organizationId: string; email: string; userId: string }): Promise<CarriedOver | null> {
  const application = await findAssignedApplicationByEmail(tx, { organizationId, email });
  if (!application) return null;

  let groupId: string | null = null;
  if (application.groupId && (await findGroup(tx, { organizationId, groupId: application.groupId }))) {
    groupId = application.groupId;
    // Shown by first name only until the member chooses to show their company (on accepting the agreement).
    await tx.insert(groupMembers).values({ organizationId, groupId, userId, showCompany: false }).onConflictDoNothing();
  }

  const [profile] = await tx
    .select({ companyId: entrepreneurProfiles.companyId })
    .from(entrepreneurProfiles)
    .where(and(eq(entrepreneurProfiles.organizationId, organizationId), eq(entrepreneurProfiles.userId, userId)))
    .limit(1);
  const companyId = profile?.companyId ?? (await companyFor(tx, organizationId, application));
  await tx
    .insert(entrepreneurProfiles)
    .values({ organizationId, userId, companyId, birthYear: application.birthYear, phone: application.phone })
    .onConflictDoUpdate({
      target: [entrepreneurProfiles.organizationId, entrepreneurProfiles.userId],
      set: {
        companyId: sql`coalesce(${entrepreneurProfiles.companyId}, excluded.company_id)`,
        birthYear: sql`coalesce(${entrepreneurProfiles.birthYear}, excluded.birth_year)`,
        phone: sql`coalesce(${entrepreneurProfiles.phone}, excluded.phone)`,
      },
    });
  return { applicationId: application.id, groupId, companyId };
}
