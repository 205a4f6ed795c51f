import { and, canSeeOrganization, hasRole, isAdmin, isInOrganization, or, type OrganizationScoped, type Policy } from './policy.ts';

/** Organisations (tenants). Listing and creating them is installation-wide: admins only. */
export const organizationPolicy = {
  list: isAdmin,
  create: isAdmin,
  read: canSeeOrganization,
  /** Make it the active organisation of the session: needs a membership there. */
  switchTo: isInOrganization,
  /** The organisation's own settings (e.g. the municipalities it serves): its coordinators, and admins. */
  manageSettings: or<OrganizationScoped>(isAdmin, and(isInOrganization, hasRole('coordinator'))),
} satisfies Policy;
