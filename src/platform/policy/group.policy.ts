import { hasRole, isAdmin, isInOrganization, or, type OrganizationScoped, type Policy, type Rule } from './policy.ts';

/** A peer group as the policies see it: who facilitates it and who belongs to it. */
export interface GroupResource extends OrganizationScoped {
  facilitatorUserIds: readonly string[];
  memberUserIds: readonly string[];
}

/** The organisation's coordinators (and admins) run every group. */
export const managesGroups: Rule<OrganizationScoped> = or<OrganizationScoped>(isAdmin, hasRole('coordinator'));

/** One of the group's 1–2 facilitators, in the group's organisation. */
export const isGroupFacilitator: Rule<GroupResource> = (actor, group) =>
  actor !== null && isInOrganization(actor, group) && group.facilitatorUserIds.includes(actor.userId);

/** A member of the group, in the group's organisation. */
export const isGroupMember: Rule<GroupResource> = (actor, group) =>
  actor !== null && isInOrganization(actor, group) && group.memberUserIds.includes(actor.userId);

export const groupPolicy = {
  /** The group list: everyone in the organisation sees the groups they run or belong to. */
  list: or<OrganizationScoped>(isAdmin, isInOrganization),
  create: managesGroups,
  read: or<GroupResource>(managesGroups, isGroupFacilitator, isGroupMember),
  edit: managesGroups,
  manageMembers: managesGroups,
  editAgreement: managesGroups,
  acceptAgreement: isGroupMember,
  /** Attendance history of every member (a member sees their own through `read`). */
  readAttendance: or<GroupResource>(managesGroups, isGroupFacilitator),
} satisfies Policy;

