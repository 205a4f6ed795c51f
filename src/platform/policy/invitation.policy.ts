import { isSignedOut, or, type OrganizationScoped, type Policy, type Rule } from './policy.ts';
import { managesMembers } from './membership.policy.ts';

export interface InvitationResource extends OrganizationScoped {
  email: string;
}

/** The signed-in person is the one invited (same e-mail, case-insensitive). */
export const isInvitee: Rule<{ email: string }> = (actor, resource) => actor !== null && actor.email.toLowerCase() === resource.email.toLowerCase();

export const invitationPolicy = {
  list: managesMembers,
  create: managesMembers,
  revoke: managesMembers,
  /**
   * Accepting needs the token (checked by the use case). No organisation check:
   * the invitee is not a member yet. Signed out (to create an account or sign in)
   * or signed in as the invited e-mail.
   */
  accept: or<InvitationResource>(isSignedOut, isInvitee),
} satisfies Policy;
