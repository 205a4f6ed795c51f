import { and, hasRole, isAdmin, isInOrganization, or, type OrganizationScoped, type Policy } from './policy.ts';

/** The organisation's audit log: its coordinators, and admins. */
export const auditLogPolicy = {
  list: or<OrganizationScoped>(isAdmin, and(isInOrganization, hasRole('coordinator'))),
} satisfies Policy;
