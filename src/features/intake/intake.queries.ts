// Data access for applications and the forming groups they are assigned to.
// Every function takes (db, { organizationId, … }) so no query forgets its tenant.
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../platform/db/db.ts';
import { groups } from '../groups/groups.schema.ts';
import { organizations } from '../organizations/organizations.schema.ts';
import { applications } from './intake.schema.ts';
import type { QueueFilter } from './intake.validation.ts';

export type Application = typeof applications.$inferSelect;
export type NewApplication = Omit<typeof applications.$inferInsert, 'id' | 'status' | 'contactNote' | 'groupId' | 'declineMessage' | 'handledBy'>;

/** The organisations a person can apply to, by name (public: names and slugs only). */
export async function listApplyOrganizations(db: Tx) {
  return db.select({ id: organizations.id, name: organizations.name, slug: organizations.slug }).from(organizations).orderBy(asc(organizations.name));
}

export async function insertApplication(db: Tx, values: NewApplication): Promise<Application> {
  const [row] = await db.insert(applications).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function listApplications(db: Tx, { organizationId, filter }: { organizationId: string; filter: QueueFilter }) {
  const where: SQL[] = [eq(applications.organizationId, organizationId)];
  if (filter.status) where.push(eq(applications.status, filter.status));
  if (filter.sector) where.push(eq(applications.sector, filter.sector));
  if (filter.municipality) where.push(eq(applications.municipality, filter.municipality));
  if (filter.format) where.push(sql`${filter.format} = ANY(${applications.formats})`);
  const order =
    filter.sort === 'oldest'
      ? [asc(applications.createdAt), asc(applications.id)]
      : filter.sort === 'name'
        ? [asc(sql`lower(${applications.name})`), asc(applications.createdAt)]
        : [desc(applications.createdAt), desc(applications.id)];
  return db
    .select({
      id: applications.id,
      organizationId: applications.organizationId,
      name: applications.name,
      companyName: applications.companyName,
      sector: applications.sector,
      size: applications.size,
      municipality: applications.municipality,
      formats: applications.formats,
      status: applications.status,
      createdAt: applications.createdAt,
    })
    .from(applications)
    .where(and(...where))
    .orderBy(...order)
    .limit(500);
}

export async function findApplication(db: Tx, { organizationId, applicationId, forUpdate = false }: { organizationId: string; applicationId: string; forUpdate?: boolean }) {
  const query = db
    .select()
    .from(applications)
    .where(and(eq(applications.organizationId, organizationId), eq(applications.id, applicationId)))
    .limit(1);
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function updateApplication(
  db: Tx,
  { organizationId, applicationId, values }: { organizationId: string; applicationId: string; values: Partial<Pick<Application, 'status' | 'contactNote' | 'groupId' | 'declineMessage' | 'handledBy'>> },
  now = new Date(),
) {
  await db
    .update(applications)
    .set({ ...values, updatedAt: now })
    .where(and(eq(applications.organizationId, organizationId), eq(applications.id, applicationId)));
}

/** The latest assigned application of this e-mail in the organisation (case-insensitive). */
export async function findAssignedApplicationByEmail(db: Tx, { organizationId, email }: { organizationId: string; email: string }) {
  const [row] = await db
    .select()
    .from(applications)
    .where(and(eq(applications.organizationId, organizationId), eq(applications.status, 'assigned'), sql`lower(${applications.email}) = lower(${email})`))
    .orderBy(desc(applications.updatedAt))
    .limit(1);
  return row ?? null;
}

/** Groups that take new members: status forming. */
export async function listFormingGroups(db: Tx, { organizationId }: { organizationId: string }) {
  return db
    .select({ id: groups.id, name: groups.name })
    .from(groups)
    .where(and(eq(groups.organizationId, organizationId), eq(groups.status, 'forming')))
    .orderBy(asc(groups.name));
}

export async function findGroup(db: Tx, { organizationId, groupId }: { organizationId: string; groupId: string }) {
  const [row] = await db
    .select({ id: groups.id, name: groups.name, status: groups.status })
    .from(groups)
    .where(and(eq(groups.organizationId, organizationId), eq(groups.id, groupId)))
    .limit(1);
  return row ?? null;
}

export async function insertFormingGroup(db: Tx, { organizationId, name, format }: { organizationId: string; name: string; format: string }) {
  const [row] = await db.insert(groups).values({ organizationId, name, format, status: 'forming' }).returning({ id: groups.id, name: groups.name });
  if (!row) throw new Error('insert returned no row');
  return row;
}

/**
 * What an assignment mail tells of the group: its name, its facilitators' names and the start of
 * its first scheduled meeting from now (null when none is planned yet).
 */
export async function groupIntroduction(db: Tx, { organizationId, groupId, now }: { organizationId: string; groupId: string; now: Date }) {
  const result = await db.execute(
    sql`SELECT g.name,
               (SELECT coalesce(array_agg(u.name ORDER BY u.name), '{}') FROM group_facilitators gf JOIN users u ON u.id = gf.user_id
                 WHERE gf.organization_id = g.organization_id AND gf.group_id = g.id) AS facilitators,
               (SELECT min(m.starts_at) FROM meetings m
                 WHERE m.organization_id = g.organization_id AND m.group_id = g.id AND m.status = 'scheduled' AND m.starts_at > ${now.toISOString()}) AS first_meeting
        FROM groups g WHERE g.organization_id = ${organizationId} AND g.id = ${groupId}`,
  );
  const row = result.rows[0] as { name: string; facilitators: string[]; first_meeting: string | Date | null } | undefined;
  if (!row) return null;
  return { name: row.name, facilitatorNames: row.facilitators, firstMeetingAt: row.first_meeting ? new Date(row.first_meeting) : null };
}
