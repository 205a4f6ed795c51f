import { and, hasRole, isAdmin, isInOrganization, isSignedIn, or, type MaybeOrganizationScoped, type Policy, type Rule } from './policy.ts';

/** The home page's sections, for the organisation the person works in now. */
export type HomeResource = MaybeOrganizationScoped;

const hasSeveralMemberships: Rule<unknown> = (actor) => (actor?.memberships.length ?? 0) > 1;

export const homePolicy = {
  view: isSignedIn,
  editProfile: isSignedIn,
  switchOrganization: hasSeveralMemberships,
  manageOrganizations: isAdmin,
  manageMembers: or<HomeResource>(isAdmin, and(isInOrganization, hasRole('coordinator'))),
  coordinateProgramme: and<HomeResource>(isInOrganization, hasRole('coordinator')),
  facilitateGroups: and<HomeResource>(isInOrganization, hasRole('facilitator', 'trainee')),
  joinGroups: and<HomeResource>(isInOrganization, hasRole('entrepreneur')),
  shareExpertise: and<HomeResource>(isInOrganization, hasRole('expert')),
  followTraining: and<HomeResource>(isInOrganization, hasRole('trainee')),
  viewReports: and<HomeResource>(isInOrganization, hasRole('coordinator', 'funder')),
} satisfies Policy;
