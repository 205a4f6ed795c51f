// Use case: the invited person accepts. Signed in as the invited e-mail → they
// join; signed out with no account for that e-mail → the account is created
// (the link proves the address) and they join; an account exists → sign in first.
// Expired, used and revoked links change nothing. Single use, even under races.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db, Tx } from '../../platform/db/db.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { invitationPolicy } from '../../platform/policy/index.ts';
import { users } from '../accounts/accounts.schema.ts';
import { checkPasswordPolicy, hashPassword } from '../accounts/password.ts';
import { carryOverApplication } from '../intake/carry-over.ts';
import { claimEnrolments } from '../training/training.write.ts';
import { hashInvitationToken } from './invitation-token.ts';
import { InvalidNewAccountError, InvitationUnusableError, SignInFirstError, WrongAccountError, type InvitationProblem } from './organizations.errors.ts';
import { findInvitationByTokenHash, findUserByEmail } from './organizations.queries.ts';
import { invitations, memberships, type Role } from './organizations.schema.ts';
import { invitationTokenSchema } from './organizations.validation.ts';

export interface NewAccountInput {
  name: string;
  password: string;
  locale: Locale;
}

export interface AcceptedInvitation {
  userId: string;
  organizationId: string;
  role: Role;
  createdAccount: boolean;
}

type InvitationRow = NonNullable<Awaited<ReturnType<typeof findInvitationByTokenHash>>>;

function problemOf(row: InvitationRow | null, now: Date): InvitationProblem | null {
  if (!row) return 'not_found';
  if (row.invitation.revokedAt) return 'revoked';
  if (row.invitation.acceptedAt) return 'used';
  if (now.getTime() >= row.invitation.expiresAt.getTime()) return 'expired';
  return null;
}

async function load(db: Tx, token: string, forUpdate: boolean): Promise<InvitationRow | null> {
  if (!invitationTokenSchema.safeParse(token).success) return null;
  return findInvitationByTokenHash(db, hashInvitationToken(token), { forUpdate });
}

export type InvitationView =
  | { state: 'unusable'; problem: InvitationProblem }
  | { state: 'valid'; email: string; name: string | null; role: Role; organizationId: string; organizationName: string; expiresAt: Date; accountExists: boolean };

/** What the invitation page shows; reads only. */
export async function inspectInvitation(db: Tx, token: string, options: { now?: Date } = {}): Promise<InvitationView> {
  const row = await load(db, token, false);
  const problem = problemOf(row, options.now ?? new Date());
  if (problem || !row) return { state: 'unusable', problem: problem ?? 'not_found' };
  const { invitation } = row;
  return {
    state: 'valid',
    email: invitation.email,
    name: invitation.name,
    role: invitation.role,
    organizationId: invitation.organizationId,
    organizationName: row.organizationName,
    expiresAt: invitation.expiresAt,
    accountExists: (await findUserByEmail(db, invitation.email)) !== null,
  };
}

export async function acceptInvitation(
  actor: Actor | null,
  deps: { db: Db },
  input: { token: string; newAccount?: NewAccountInput },
  options: { now?: Date } = {},
): Promise<AcceptedInvitation> {
  const now = options.now ?? new Date();
  return deps.db.transaction(async (tx) => {
    // Lock the row: of two simultaneous accepts, the second sees it used.
    const row = await load(tx, input.token, true);
    const problem = problemOf(row, now);
    if (problem || !row) throw new InvitationUnusableError(problem ?? 'not_found');
    const { invitation } = row;
    if (!invitationPolicy.accept(actor, invitation)) throw new WrongAccountError();

    let userId: string;
    let createdAccount = false;
    if (actor) {
      userId = actor.userId;
    } else {
      if (await findUserByEmail(tx, invitation.email)) throw new SignInFirstError();
      if (!input.newAccount) throw new SignInFirstError();
      const { password, locale } = input.newAccount;
      const name = input.newAccount.name.trim();
      if (name.length === 0) throw new InvalidNewAccountError('name', 'org.validation.yourNameRequired');
      if (name.length > 120) throw new InvalidNewAccountError('name', 'org.validation.personNameTooLong');
      const passwordProblem = checkPasswordPolicy(password, { email: invitation.email, name });
      if (passwordProblem) throw new InvalidNewAccountError('password', passwordProblem);
      const passwordHash = await hashPassword(password);
      const [user] = await tx
        .insert(users)
        .values({ email: invitation.email, name, locale, passwordHash, emailVerifiedAt: now, createdAt: now })
        .returning({ id: users.id });
      if (!user) throw new Error('insert returned no row');
      userId = user.id;
      createdAccount = true;
    }

    // One role per person per organisation: the invitation's role replaces an earlier one,
    // except that an installation-wide admin membership is never lowered by an invitation.
    await tx
      .insert(memberships)
      .values({ organizationId: invitation.organizationId, userId, role: invitation.role, createdAt: now })
      .onConflictDoUpdate({
        target: [memberships.organizationId, memberships.userId],
        set: { role: sql`CASE WHEN ${memberships.role} = 'admin' THEN ${memberships.role} ELSE excluded.role END` },
      });
    const updated = await tx
      .update(invitations)
      .set({ acceptedAt: now })
      .where(and(eq(invitations.id, invitation.id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
      .returning({ id: invitations.id });
    if (updated.length !== 1) throw new InvitationUnusableError('used');
    // An applicant placed in a group from the intake queue joins it now, with the application's facts.
    if (invitation.role === 'entrepreneur') await carryOverApplication(tx, { organizationId: invitation.organizationId, email: invitation.email, userId });
    // An accepted applicant to a training cohort becomes its trainee now.
    await claimEnrolments(tx, { organizationId: invitation.organizationId, email: invitation.email, userId });
    await recordAudit(tx, {
      organizationId: invitation.organizationId,
      actorUserId: userId,
      action: 'org.invitation_accepted',
      targetType: 'invitation',
      targetId: invitation.id,
      metadata: { role: invitation.role, createdAccount },
    });
    return { userId, organizationId: invitation.organizationId, role: invitation.role, createdAccount };
  });
}
