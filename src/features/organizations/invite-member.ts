// Use case: a coordinator (or an admin) invites a person by e-mail with a role.
// One transaction: the invitation (only the token's hash), the audit record and the mail job.
import { eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { formatDateTime, translate } from '../../platform/i18n/i18n.ts';
import { enqueueMail } from '../../platform/mail/mail.ts';
import { authorize, invitationPolicy, roleAssignmentPolicy } from '../../platform/policy/index.ts';
import { generateInvitationToken, hashInvitationToken, INVITATION_VALID_MS, invitationLink } from './invitation-token.ts';
import type { OrganizationDeps } from './organizations.deps.ts';
import { AlreadyMemberError } from './organizations.errors.ts';
import { findMemberByEmail, findOrganization, findPendingInvitationsForEmail } from './organizations.queries.ts';
import { invitations } from './organizations.schema.ts';
import { inviteMemberSchema } from './organizations.validation.ts';

export interface InvitedMember {
  invitationId: string;
  /** The secret of the link; it goes only into the mail (and to tests). Never log or show it. */
  token: string;
  expiresAt: Date;
}

export async function inviteMember(
  actor: Actor | null,
  deps: OrganizationDeps,
  input: {
    organizationId: string;
    email: string;
    role: string;
    name?: string;
    locale?: string;
    /** An invitation that places the person in a peer group (intake): the mail names the group, its facilitators and first meeting, written in `locale`. */
    group?: { group: string; facilitator: string; firstMeeting: string };
  },
  options: { now?: Date } = {},
): Promise<InvitedMember> {
  const now = options.now ?? new Date();
  const { email, name, role, locale } = inviteMemberSchema.parse(input);
  const { organizationId } = input;
  const organization = await findOrganization(deps.db, { organizationId });
  if (!organization) throw new NotFoundError();
  authorize(actor, { organizationId, email }, invitationPolicy.create);
  authorize(actor, { organizationId, role }, roleAssignmentPolicy.assign);

  const token = generateInvitationToken();
  const expiresAt = new Date(now.getTime() + INVITATION_VALID_MS);
  const invitationId = await deps.db.transaction(async (tx) => {
    if (await findMemberByEmail(tx, { organizationId, email })) throw new AlreadyMemberError();
    // A new invitation to the same address replaces the earlier ones: one live link per person.
    for (const old of await findPendingInvitationsForEmail(tx, { organizationId, email, now })) {
      await tx.update(invitations).set({ revokedAt: now }).where(eq(invitations.id, old.id));
      await recordAudit(tx, { organizationId, actorUserId: actor?.userId, action: 'org.invitation_revoked', targetType: 'invitation', targetId: old.id, metadata: { reason: 'replaced' } });
    }
    const [row] = await tx
      .insert(invitations)
      .values({ organizationId, email, name: name ?? null, role, tokenHash: hashInvitationToken(token), invitedBy: actor?.userId ?? null, expiresAt, createdAt: now })
      .returning({ id: invitations.id });
    if (!row) throw new Error('insert returned no row');
    await recordAudit(tx, { organizationId, actorUserId: actor?.userId, action: 'org.invitation_created', targetType: 'invitation', targetId: row.id, metadata: { role } });
    const values = {
      name: name ?? '',
      organization: organization.name,
      inviter: actor?.name ?? '',
      role: translate(locale, `org.role.${role}`),
      link: invitationLink(deps.config.appUrl, token),
      expires: formatDateTime(locale, expiresAt, 'date'),
    };
    await enqueueMail(tx, deps.jobs, { to: email, locale, template: input.group ? 'groupInvitation' : 'invitation', values: { ...values, ...input.group } });
    return row.id;
  });
  return { invitationId, token, expiresAt };
}
