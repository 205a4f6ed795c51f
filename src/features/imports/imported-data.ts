// The first sign-in of a person an import added (issue 19, point 4): what the organisation
// recorded about them, shown with the privacy notice, and their confirmation. Until they confirm,
// their home opens this page; asking for erasure goes through the profile's own erasure.
import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db, Tx } from '../../platform/db/db.ts';
import { authorize, importedDataPolicy } from '../../platform/policy/index.ts';
import { users } from '../accounts/accounts.schema.ts';
import { companies, entrepreneurProfiles } from '../companies/companies.schema.ts';
import { organizations } from '../organizations/organizations.schema.ts';
import { importedPeople } from './imports.schema.ts';

/** Whether this person's import in this organisation waits for their confirmation (one primary-key read). */
export async function awaitsImportConfirmation(db: Tx, { organizationId, userId }: { organizationId: string; userId: string }): Promise<boolean> {
  const [row] = await db
    .select({ userId: importedPeople.userId })
    .from(importedPeople)
    .where(and(eq(importedPeople.organizationId, organizationId), eq(importedPeople.userId, userId), isNull(importedPeople.confirmedAt)))
    .limit(1);
  return row !== undefined;
}

export interface ImportedData {
  organizationName: string;
  importedAt: Date;
  confirmedAt: Date | null;
  name: string;
  email: string;
  phone: string | null;
  birthYear: number | null;
  gender: string | null;
  company: { name: string; businessId: string | null; municipality: string | null; sector: string | null; size: string | null } | null;
}

export async function importedDataOf(actor: Actor | null, db: Tx, { organizationId }: { organizationId: string }): Promise<ImportedData | null> {
  if (!actor) return null;
  authorize<{ organizationId: string; userId: string }>(actor, { organizationId, userId: actor.userId }, importedDataPolicy.confirmOwn);
  const [row] = await db
    .select({
      organizationName: organizations.name,
      importedAt: importedPeople.importedAt,
      confirmedAt: importedPeople.confirmedAt,
      name: users.name,
      email: users.email,
      phone: entrepreneurProfiles.phone,
      birthYear: entrepreneurProfiles.birthYear,
      gender: entrepreneurProfiles.gender,
      companyName: companies.name,
      businessId: companies.businessId,
      municipality: companies.municipality,
      sector: companies.sector,
      size: companies.size,
    })
    .from(importedPeople)
    .innerJoin(organizations, eq(organizations.id, importedPeople.organizationId))
    .innerJoin(users, eq(users.id, importedPeople.userId))
    .leftJoin(entrepreneurProfiles, and(eq(entrepreneurProfiles.organizationId, importedPeople.organizationId), eq(entrepreneurProfiles.userId, importedPeople.userId)))
    .leftJoin(companies, and(eq(companies.organizationId, entrepreneurProfiles.organizationId), eq(companies.id, entrepreneurProfiles.companyId)))
    .where(and(eq(importedPeople.organizationId, organizationId), eq(importedPeople.userId, actor.userId)))
    .limit(1);
  if (!row) return null;
  const { companyName, businessId, municipality, sector, size, ...rest } = row;
  return { ...rest, company: companyName ? { name: companyName, businessId, municipality, sector, size } : null };
}

export async function confirmImportedData(actor: Actor | null, deps: { db: Db }, { organizationId }: { organizationId: string }, now = new Date()): Promise<boolean> {
  if (!actor) return false;
  authorize<{ organizationId: string; userId: string }>(actor, { organizationId, userId: actor.userId }, importedDataPolicy.confirmOwn);
  return deps.db.transaction(async (tx) => {
    const updated = await tx
      .update(importedPeople)
      .set({ confirmedAt: now })
      .where(and(eq(importedPeople.organizationId, organizationId), eq(importedPeople.userId, actor.userId), isNull(importedPeople.confirmedAt)))
      .returning({ userId: importedPeople.userId });
    if (updated.length === 0) return false;
    await recordAudit(tx, { organizationId, actorUserId: actor.userId, action: 'import.confirmed', targetType: 'user', targetId: actor.userId });
    return true;
  });
}
