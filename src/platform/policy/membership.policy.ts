import type { Role } from '../auth/roles.ts';
import { and, hasRole, isAdmin, isInOrganization, or, type OrganizationScoped, type Policy, type Rule } from './policy.ts';

export interface MembershipResource extends OrganizationScoped {
  userId: string;
  role: Role;
}

/** Coordinators manage the people of their own organisation; admins of every organisation. */
export const managesMembers: Rule<OrganizationScoped> = or<OrganizationScoped>(isAdmin, and(isInOrganization, hasRole('coordinator')));

/** An `admin` membership is installation-wide: only an admin may give, change or take it. */
const isNotAdminMembership: Rule<{ role: Role }> = (_actor, resource) => resource.role !== 'admin';

export const membershipPolicy = {
  list: managesMembers,
  changeRole: or<MembershipResource>(isAdmin, and<MembershipResource>(isInOrganization, hasRole('coordinator'), isNotAdminMembership)),
  remove: or<MembershipResource>(isAdmin, and<MembershipResource>(isInOrganization, hasRole('coordinator'), isNotAdminMembership)),
} satisfies Policy;

/** Which roles the actor may give in an organisation (by invitation or a role change). */
export const roleAssignmentPolicy = {
  assign: or<OrganizationScoped & { role: Role }>(isAdmin, and<OrganizationScoped & { role: Role }>(isInOrganization, hasRole('coordinator'), isNotAdminMembership)),
} satisfies Policy;
