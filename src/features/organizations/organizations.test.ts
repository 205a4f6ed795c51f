// The organisation use cases against the real database: invite → accept (new
// account and existing account) → role change → removal; expiry, single use,
// revocation, tenant isolation, the audit trail and the mail job.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/database.ts';
import { actorFor, addMembership, createTestMember, createTestOrganization } from '../../../tests/factories/organizations.ts';
import { auditLog } from '../../platform/audit/audit.schema.ts';
import { ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import { createJobs, type Jobs } from '../../platform/jobs/jobs.ts';
import { createLogger } from '../../platform/logger.ts';
import { users } from '../accounts/accounts.schema.ts';
import { verifyPassword } from '../accounts/password.ts';
import { acceptInvitation, inspectInvitation } from './accept-invitation.ts';
import { changeRole } from './change-role.ts';
import { createOrganization } from './create-organization.ts';
import { hashInvitationToken } from './invitation-token.ts';
import { inviteMember } from './invite-member.ts';
import type { OrganizationDeps } from './organizations.deps.ts';
import { AlreadyMemberError, InvalidNewAccountError, InvitationUnusableError, LastAdminError, LastCoordinatorError, SignInFirstError, WrongAccountError } from './organizations.errors.ts';
import { findMembership, listPendingInvitations } from './organizations.queries.ts';
import { invitations, memberships } from './organizations.schema.ts';
import { removeMember } from './remove-member.ts';
import { revokeInvitation } from './revoke-invitation.ts';

let database: TestDatabase;
let jobs: Jobs;
let deps: OrganizationDeps;

beforeAll(async () => {
  database = await createTestDatabase();
  jobs = await createJobs(database.url, createLogger('silent'));
  deps = { db: database.db, jobs, config: { appUrl: 'https://tyopeili.example' } };
});
afterAll(async () => {
  await jobs?.stop();
  await database?.drop();
});

const DAY = 24 * 3600 * 1000;

async function auditActions(organizationId: string): Promise<string[]> {
  const rows = await database.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.organizationId, organizationId)).orderBy(auditLog.createdAt, auditLog.id);
  return rows.map((r) => r.action);
}

async function mailsTo(email: string): Promise<{ to: string; locale: string; template: string; values: Record<string, string> }[]> {
  const { rows } = await database.pool.query(`SELECT data FROM pgboss.job WHERE name = 'mail.send' AND data->>'to' = $1 ORDER BY created_on`, [email]);
  return rows.map((r) => r.data);
}

/** An organisation with a coordinator, ready for a test. */
async function setup() {
  const org = await createTestOrganization(database.db);
  const coordinatorUser = await createTestMember(database.db, { organizationId: org.id, role: 'coordinator' });
  const coordinator = await actorFor(database.db, coordinatorUser.id, org.id);
  return { org, coordinatorUser, coordinator };
}

const email = (label: string) => `${label}.${Math.random().toString(36).slice(2, 8)}@example.fi`;

describe('creating an organisation', () => {
  it('lets an admin create organisations with derived, unique slugs, audited', async () => {
    const home = await createTestOrganization(database.db);
    const adminUser = await createTestMember(database.db, { organizationId: home.id, role: 'admin' });
    const admin = await actorFor(database.db, adminUser.id);
    const name = `Porin Kehitysyhtiö ${Math.random().toString(36).slice(2, 6)}`;
    const first = await createOrganization(admin, deps, { name });
    const second = await createOrganization(admin, deps, { name: `  ${name}  ` });
    expect(first.slug).toMatch(/^porin-kehitysyhtio-[a-z0-9]+$/);
    expect(second.slug).toBe(`${first.slug}-2`);
    expect(second.name).toBe(name);
    expect(await auditActions(first.id)).toEqual(['org.created']);
  });

  it('refuses everyone else', async () => {
    const { coordinator } = await setup();
    await expect(createOrganization(coordinator, deps, { name: 'Oma yhtiö' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createOrganization(null, deps, { name: 'Oma yhtiö' })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('invite → accept → change role → remove', () => {
  it('runs the whole journey for a new person, with audit records and the mail job', async () => {
    const { org, coordinator } = await setup();
    const invitee = email('aino');
    const now = new Date();
    const invited = await inviteMember(coordinator, deps, { organizationId: org.id, email: invitee.toUpperCase(), name: 'Aino Yrittäjä', role: 'entrepreneur', locale: 'sv' }, { now });

    // Only the hash of a 256-bit token is kept, and the link lasts 7 days.
    expect(invited.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [row] = await database.db.select().from(invitations).where(eq(invitations.id, invited.invitationId));
    expect(row!.tokenHash).toBe(hashInvitationToken(invited.token));
    expect(JSON.stringify(row)).not.toContain(invited.token);
    expect(row!.email).toBe(invitee);
    expect(row!.expiresAt.getTime() - now.getTime()).toBe(7 * DAY);

    // The mail job: in the invitee's chosen language, with the link.
    const [mail] = await mailsTo(invitee);
    expect(mail).toMatchObject({ to: invitee, locale: 'sv', template: 'invitation' });
    expect(mail!.values.link).toBe(`https://tyopeili.example/invitation/${invited.token}`);
    expect(mail!.values.organization).toBe(org.name);
    expect(mail!.values.role).toBe('Företagare');

    const view = await inspectInvitation(database.db, invited.token);
    expect(view).toMatchObject({ state: 'valid', email: invitee, role: 'entrepreneur', organizationName: org.name, accountExists: false });

    // Signed out, no account: the account is made and the person joins.
    const accepted = await acceptInvitation(null, deps, { token: invited.token, newAccount: { name: 'Aino Yrittäjä', password: 'pitkä salasana kahvilassa', locale: 'sv' } });
    expect(accepted).toMatchObject({ organizationId: org.id, role: 'entrepreneur', createdAccount: true });
    const [user] = await database.db.select().from(users).where(eq(users.id, accepted.userId));
    expect(user).toMatchObject({ email: invitee, name: 'Aino Yrittäjä', locale: 'sv' });
    expect(user!.emailVerifiedAt).not.toBeNull();
    expect(await verifyPassword(user!.passwordHash!, 'pitkä salasana kahvilassa')).toBe(true);
    expect(await findMembership(database.db, { organizationId: org.id, userId: accepted.userId })).toMatchObject({ role: 'entrepreneur' });

    await changeRole(coordinator, deps, { organizationId: org.id, userId: accepted.userId, role: 'facilitator' });
    expect(await findMembership(database.db, { organizationId: org.id, userId: accepted.userId })).toMatchObject({ role: 'facilitator' });

    await removeMember(coordinator, deps, { organizationId: org.id, userId: accepted.userId });
    expect(await findMembership(database.db, { organizationId: org.id, userId: accepted.userId })).toBeNull();

    expect(await auditActions(org.id)).toEqual(['org.invitation_created', 'org.invitation_accepted', 'org.member_role_changed', 'org.member_removed']);
    const [roleChange] = await database.db.select().from(auditLog).where(and(eq(auditLog.organizationId, org.id), eq(auditLog.action, 'org.member_role_changed')));
    expect(roleChange).toMatchObject({ actorUserId: coordinator.userId, targetId: accepted.userId, metadata: { from: 'entrepreneur', to: 'facilitator' } });
  });

  it('asks a person who already has an account to sign in first, then adds the organisation to it', async () => {
    const { org, coordinator } = await setup();
    const other = await createTestOrganization(database.db);
    const existing = await createTestMember(database.db, { organizationId: other.id, role: 'entrepreneur', email: email('eero') });
    const invited = await inviteMember(coordinator, deps, { organizationId: org.id, email: existing.email, role: 'expert' });

    expect(await inspectInvitation(database.db, invited.token)).toMatchObject({ state: 'valid', accountExists: true });
    await expect(acceptInvitation(null, deps, { token: invited.token, newAccount: { name: 'Joku', password: 'toinen pitkä salasana', locale: 'fi' } })).rejects.toBeInstanceOf(SignInFirstError);

    const actor = await actorFor(database.db, existing.id);
    const accepted = await acceptInvitation(actor, deps, { token: invited.token });
    expect(accepted).toMatchObject({ userId: existing.id, organizationId: org.id, role: 'expert', createdAccount: false });
    const again = await actorFor(database.db, existing.id);
    expect(again.memberships.map((m) => m.organizationId).sort()).toEqual([org.id, other.id].sort());
  });

  it('refuses a person signed in as someone else, and changes nothing', async () => {
    const { org, coordinator, coordinatorUser } = await setup();
    const invited = await inviteMember(coordinator, deps, { organizationId: org.id, email: email('helmi'), role: 'entrepreneur' });
    await expect(acceptInvitation(coordinator, deps, { token: invited.token })).rejects.toBeInstanceOf(WrongAccountError);
    const [row] = await database.db.select().from(invitations).where(eq(invitations.id, invited.invitationId));
    expect(row!.acceptedAt).toBeNull();
    expect(await findMembership(database.db, { organizationId: org.id, userId: coordinatorUser.id })).toMatchObject({ role: 'coordinator' });
  });

  it('checks the new account: a name, and a password of at least 12 characters', async () => {
    const { org, coordinator } = await setup();
    const invited = await inviteMember(coordinator, deps, { organizationId: org.id, email: email('ilkka'), role: 'entrepreneur' });
    await expect(acceptInvitation(null, deps, { token: invited.token, newAccount: { name: 'Ilkka', password: 'lyhyt', locale: 'fi' } })).rejects.toBeInstanceOf(InvalidNewAccountError);
    await expect(acceptInvitation(null, deps, { token: invited.token, newAccount: { name: '  ', password: 'riittävän pitkä salasana', locale: 'fi' } })).rejects.toBeInstanceOf(InvalidNewAccountError);
    expect(await inspectInvitation(database.db, invited.token)).toMatchObject({ state: 'valid', accountExists: false });
  });
});

describe('invitation links', () => {
  it('expire after 7 days: 410 and nothing changes', async () => {
    const { org, coordinator } = await setup();
    const t0 = new Date('2026-03-02T08:00:00Z');
    const invited = await inviteMember(coordinator, deps, { organizationId: org.id, email: email('kaarina'), role: 'facilitator' }, { now: t0 });
    const justAfter = new Date(t0.getTime() + 7 * DAY);
    const error = await acceptInvitation(null, deps, { token: invited.token, newAccount: { name: 'Kaarina', password: 'kaarinan pitkä salasana', locale: 'fi' } }, { now: justAfter }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvitationUnusableError);
    expect(error).toMatchObject({ problem: 'expired', status: 410 });
    expect(await inspectInvitation(database.db, invited.token, { now: justAfter })).toEqual({ state: 'unusable', problem: 'expired' });
    const [row] = await database.db.select().from(invitations).where(eq(invitations.id, invited.invitationId));
    expect(row!.acceptedAt).toBeNull();
    expect(await database.db.select().from(users).where(sql`lower(${users.email}) = ${row!.email}`)).toEqual([]);
    // A second before the end it still works.
    const justBefore = new Date(t0.getTime() + 7 * DAY - 1000);
    await expect(acceptInvitation(null, deps, { token: invited.token, newAccount: { name: 'Kaarina', password: 'kaarinan pitkä salasana', locale: 'fi' } }, { now: justBefore })).resolves.toMatchObject({ createdAccount: true });
  });

  it('work once: a second accept gets 410 "used", even when both run at the same time', async () => {
    const { org, coordinator } = await setup();
    const person = await createTestMember(database.db, { organizationId: (await createTestOrganization(database.db)).id, role: 'entrepreneur', email: email('matti') });
    const actor = await actorFor(database.db, person.id);
    const invited = await inviteMember(coordinator, deps, { organizationId: org.id, email: person.email, role: 'entrepreneur' });
    const results = await Promise.allSettled([acceptInvitation(actor, deps, { token: invited.token }), acceptInvitation(actor, deps, { token: invited.token })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ problem: 'used', status: 410 });
    await expect(acceptInvitation(actor, deps, { token: invited.token })).rejects.toMatchObject({ problem: 'used' });
    expect((await auditActions(org.id)).filter((a) => a === 'org.invitation_accepted')).toHaveLength(1);
  });

  it('can be revoked by the coordinator: 410 afterwards, audited; other organisations get 404', async () => {
    const { org, coordinator } = await setup();
    const stranger = await setup();
    const invited = await inviteMember(coordinator, deps, { organizationId: org.id, email: email('pirjo'), role: 'trainee' });
    await expect(revokeInvitation(stranger.coordinator, deps, { organizationId: org.id, invitationId: invited.invitationId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(revokeInvitation(stranger.coordinator, deps, { organizationId: stranger.org.id, invitationId: invited.invitationId })).rejects.toBeInstanceOf(NotFoundError);
    await revokeInvitation(coordinator, deps, { organizationId: org.id, invitationId: invited.invitationId });
    await expect(acceptInvitation(null, deps, { token: invited.token, newAccount: { name: 'Pirjo', password: 'pirjon pitkä salasana', locale: 'fi' } })).rejects.toMatchObject({ problem: 'revoked', status: 410 });
    expect(await listPendingInvitations(database.db, { organizationId: org.id })).toEqual([]);
    expect(await auditActions(org.id)).toEqual(['org.invitation_created', 'org.invitation_revoked']);
  });

  it('answers 404 for an unknown or malformed token', async () => {
    for (const token of ['A'.repeat(43), 'short', '../../etc/passwd']) {
      await expect(acceptInvitation(null, deps, { token })).rejects.toMatchObject({ problem: 'not_found', status: 404 });
      expect(await inspectInvitation(database.db, token)).toEqual({ state: 'unusable', problem: 'not_found' });
    }
  });

  it('a new invitation to the same address replaces the pending one', async () => {
    const { org, coordinator } = await setup();
    const address = email('seppo');
    const first = await inviteMember(coordinator, deps, { organizationId: org.id, email: address, role: 'entrepreneur' });
    const second = await inviteMember(coordinator, deps, { organizationId: org.id, email: address, role: 'expert' });
    expect(await inspectInvitation(database.db, first.token)).toEqual({ state: 'unusable', problem: 'revoked' });
    expect(await inspectInvitation(database.db, second.token)).toMatchObject({ state: 'valid', role: 'expert' });
    expect((await listPendingInvitations(database.db, { organizationId: org.id })).map((i) => i.id)).toEqual([second.invitationId]);
  });
});

describe('who may invite, change and remove', () => {
  it('refuses to invite an existing member again', async () => {
    const { org, coordinator } = await setup();
    const member = await createTestMember(database.db, { organizationId: org.id, role: 'facilitator' });
    await expect(inviteMember(coordinator, deps, { organizationId: org.id, email: member.email.toUpperCase(), role: 'expert' })).rejects.toBeInstanceOf(AlreadyMemberError);
  });

  it('lets only coordinators of that organisation (and admins) invite, and only admins give the admin role', async () => {
    const { org, coordinator } = await setup();
    const stranger = await setup();
    const facilitatorUser = await createTestMember(database.db, { organizationId: org.id, role: 'facilitator' });
    const facilitator = await actorFor(database.db, facilitatorUser.id);
    const input = { organizationId: org.id, email: email('tuula'), role: 'entrepreneur' };
    await expect(inviteMember(facilitator, deps, input)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(inviteMember(stranger.coordinator, deps, input)).rejects.toBeInstanceOf(NotFoundError);
    await expect(inviteMember(null, deps, input)).rejects.toBeInstanceOf(NotFoundError);
    await expect(inviteMember(coordinator, deps, { ...input, role: 'admin' })).rejects.toBeInstanceOf(ForbiddenError);

    const adminUser = await createTestMember(database.db, { organizationId: stranger.org.id, role: 'admin' });
    const admin = await actorFor(database.db, adminUser.id);
    await expect(inviteMember(admin, deps, input)).resolves.toMatchObject({ invitationId: expect.any(String) });
    // One mail: nothing was queued for the refused attempts.
    expect(await mailsTo(input.email)).toHaveLength(1);
    expect((await mailsTo(input.email))[0]!.values.inviter).toBe(admin.name);
  });

  it('keeps the last coordinator: not removed, not demoted, not even by themselves', async () => {
    const { org, coordinator, coordinatorUser } = await setup();
    await expect(removeMember(coordinator, deps, { organizationId: org.id, userId: coordinatorUser.id })).rejects.toBeInstanceOf(LastCoordinatorError);
    await expect(changeRole(coordinator, deps, { organizationId: org.id, userId: coordinatorUser.id, role: 'facilitator' })).rejects.toBeInstanceOf(LastCoordinatorError);
    const second = await createTestMember(database.db, { organizationId: org.id, role: 'coordinator' });
    await removeMember(coordinator, deps, { organizationId: org.id, userId: coordinatorUser.id });
    expect(await findMembership(database.db, { organizationId: org.id, userId: coordinatorUser.id })).toBeNull();
    expect(await findMembership(database.db, { organizationId: org.id, userId: second.id })).toMatchObject({ role: 'coordinator' });
  });

  it('never lets a coordinator touch an admin membership', async () => {
    const { org, coordinator } = await setup();
    const adminUser = await createTestMember(database.db, { organizationId: org.id, role: 'admin' });
    await expect(changeRole(coordinator, deps, { organizationId: org.id, userId: adminUser.id, role: 'entrepreneur' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(removeMember(coordinator, deps, { organizationId: org.id, userId: adminUser.id })).rejects.toBeInstanceOf(ForbiddenError);
    const member = await createTestMember(database.db, { organizationId: org.id, role: 'entrepreneur' });
    await expect(changeRole(coordinator, deps, { organizationId: org.id, userId: member.id, role: 'admin' })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('keeps the installation’s last admin membership', async () => {
    const fresh = await createTestDatabase();
    try {
      const org = await createTestOrganization(fresh.db);
      const adminUser = await createTestMember(fresh.db, { organizationId: org.id, role: 'admin' });
      const admin = await actorFor(fresh.db, adminUser.id);
      await expect(removeMember(admin, { db: fresh.db }, { organizationId: org.id, userId: adminUser.id })).rejects.toBeInstanceOf(LastAdminError);
      await expect(changeRole(admin, { db: fresh.db }, { organizationId: org.id, userId: adminUser.id, role: 'coordinator' })).rejects.toBeInstanceOf(LastAdminError);
    } finally {
      await fresh.drop();
    }
  });

  it('answers 404 for another organisation’s members, whichever organisation is named', async () => {
    const a = await setup();
    const b = await setup();
    const member = await createTestMember(database.db, { organizationId: a.org.id, role: 'entrepreneur' });
    await expect(changeRole(b.coordinator, deps, { organizationId: a.org.id, userId: member.id, role: 'expert' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(changeRole(b.coordinator, deps, { organizationId: b.org.id, userId: member.id, role: 'expert' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(removeMember(b.coordinator, deps, { organizationId: a.org.id, userId: member.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(removeMember(b.coordinator, deps, { organizationId: b.org.id, userId: member.id })).rejects.toBeInstanceOf(NotFoundError);
    expect(await findMembership(database.db, { organizationId: a.org.id, userId: member.id })).toMatchObject({ role: 'entrepreneur' });
    // A member of both may be managed in each only by that organisation's coordinator.
    await addMembership(database.db, { organizationId: b.org.id, userId: member.id, role: 'expert' });
    await removeMember(b.coordinator, deps, { organizationId: b.org.id, userId: member.id });
    expect(await findMembership(database.db, { organizationId: a.org.id, userId: member.id })).toMatchObject({ role: 'entrepreneur' });
    expect(await database.db.select().from(memberships).where(and(eq(memberships.organizationId, b.org.id), eq(memberships.userId, member.id)))).toEqual([]);
  });
});
