// Data access for organisations, memberships and invitations. Every function
// takes (db, { organizationId, … }) so a query cannot forget its tenant.
import { and, asc, count, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/db.ts';
import { users } from '../accounts/accounts.schema.ts';
import { invitations, memberships, organizations, type Role } from './organizations.schema.ts';

export async function findOrganization(db: Tx, { organizationId }: { organizationId: string }) {
  const [row] = await db.select().from(organizations).where(eq(organizations.id, organizationId)).limit(1);
  return row ?? null;
}

/** Every organisation with its member count: the admin's list. */
export async function listOrganizations(db: Tx) {
  return db
    .select({ id: organizations.id, name: organizations.name, slug: organizations.slug, createdAt: organizations.createdAt, memberCount: count(memberships.userId) })
    .from(organizations)
    .leftJoin(memberships, eq(memberships.organizationId, organizations.id))
    .groupBy(organizations.id)
    .orderBy(asc(organizations.name));
}

export async function slugExists(db: Tx, slug: string): Promise<boolean> {
  const [row] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, slug)).limit(1);
  return row !== undefined;
}

export async function listMembers(db: Tx, { organizationId }: { organizationId: string }) {
  return db
    .select({ organizationId: memberships.organizationId, userId: memberships.userId, role: memberships.role, name: users.name, email: users.email, createdAt: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organizationId, organizationId))
    .orderBy(asc(users.name), asc(users.email));
}

export type MemberRow = Awaited<ReturnType<typeof listMembers>>[number];

export async function findMembership(db: Tx, { organizationId, userId }: { organizationId: string; userId: string }) {
  const [row] = await db
    .select({ organizationId: memberships.organizationId, userId: memberships.userId, role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)))
    .limit(1);
  return row ?? null;
}

export async function countMembersWithRole(db: Tx, { organizationId, role }: { organizationId: string; role: Role }): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.role, role)));
  return row?.n ?? 0;
}

export async function countMembers(db: Tx, { organizationId }: { organizationId: string }): Promise<number> {
  const [row] = await db.select({ n: count() }).from(memberships).where(eq(memberships.organizationId, organizationId));
  return row?.n ?? 0;
}

/** Admin memberships anywhere: the installation must keep at least one. */
export async function countAdminMemberships(db: Tx): Promise<number> {
  const [row] = await db.select({ n: count() }).from(memberships).where(eq(memberships.role, 'admin'));
  return row?.n ?? 0;
}

const pending = (organizationId: string, now: Date) =>
  and(eq(invitations.organizationId, organizationId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now));

export async function listPendingInvitations(db: Tx, { organizationId, now = new Date() }: { organizationId: string; now?: Date }) {
  return db
    .select({ id: invitations.id, organizationId: invitations.organizationId, email: invitations.email, name: invitations.name, role: invitations.role, expiresAt: invitations.expiresAt, createdAt: invitations.createdAt })
    .from(invitations)
    .where(pending(organizationId, now))
    .orderBy(asc(invitations.createdAt));
}

export type PendingInvitationRow = Awaited<ReturnType<typeof listPendingInvitations>>[number];

export async function countPendingInvitations(db: Tx, { organizationId, now = new Date() }: { organizationId: string; now?: Date }): Promise<number> {
  const [row] = await db.select({ n: count() }).from(invitations).where(pending(organizationId, now));
  return row?.n ?? 0;
}

export async function findPendingInvitationsForEmail(db: Tx, { organizationId, email, now = new Date() }: { organizationId: string; email: string; now?: Date }) {
  return db
    .select({ id: invitations.id })
    .from(invitations)
    .where(and(pending(organizationId, now), sql`lower(${invitations.email}) = lower(${email})`));
}

export async function findInvitation(db: Tx, { organizationId, invitationId }: { organizationId: string; invitationId: string }) {
  const [row] = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.organizationId, organizationId), eq(invitations.id, invitationId)))
    .limit(1);
  return row ?? null;
}

/** The token is the key: invitations are found by its hash alone (the invitee is not in the organisation yet). */
export async function findInvitationByTokenHash(db: Tx, tokenHash: string, options: { forUpdate?: boolean } = {}) {
  const query = db
    .select({ invitation: invitations, organizationName: organizations.name })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .where(eq(invitations.tokenHash, tokenHash))
    .limit(1);
  const [row] = options.forUpdate ? await query.for('update', { of: invitations }) : await query;
  return row ?? null;
}

export async function findUserByEmail(db: Tx, email: string) {
  const [row] = await db.select({ id: users.id, email: users.email, name: users.name }).from(users).where(sql`lower(${users.email}) = lower(${email})`).limit(1);
  return row ?? null;
}

export async function findMemberByEmail(db: Tx, { organizationId, email }: { organizationId: string; email: string }) {
  const [row] = await db
    .select({ userId: memberships.userId, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, organizationId), sql`lower(${users.email}) = lower(${email})`))
    .limit(1);
  return row ?? null;
}
