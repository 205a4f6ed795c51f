import { canSeeOrganization, isAdmin, isInOrganization, type Policy } from './policy.ts';

/** Organisations (tenants). Listing and creating them is installation-wide: admins only. */
export const organizationPolicy = {
  list: isAdmin,
  create: isAdmin,
  read: canSeeOrganization,
  /** Make it the active organisation of the session: needs a membership there. */
  switchTo: isInOrganization,
} satisfies Policy;
