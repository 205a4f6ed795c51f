// Programmes (issue 17): a funded project led by one organisation, with participating ones.
// The lead organisation's coordinators and admins create and edit it and set its targets; its
// coordinators grant the funder role per programme. Each organisation taking part (the lead and
// the participating ones) links its own groups, events and advice sessions and reads the
// programme's page. A granted funder reads the programme's summary (no person-level data, ever).
import type { Actor } from '../auth/actor.ts';
import { hasRole, or, roleIn, type OrganizationScoped, type Policy, type Rule } from './policy.ts';

export interface ProgrammeResource extends OrganizationScoped {
  /** The organisations taking part besides the lead (organizationId). */
  participatingOrganizationIds: readonly string[];
  /** The people granted the funder role for this programme. */
  funderUserIds: readonly string[];
}

const staffRoles = ['coordinator', 'admin'] as const;
export const isLeadStaff: Rule<ProgrammeResource> = hasRole(...staffRoles);
const isLeadCoordinator: Rule<ProgrammeResource> = hasRole('coordinator');
const isParticipatingStaff: Rule<ProgrammeResource> = (actor, r) =>
  r.participatingOrganizationIds.some((organizationId) => (staffRoles as readonly string[]).includes(roleIn(actor, organizationId) ?? ''));
/** A funder member (of the lead or a participating organisation) granted this programme. */
export const isGrantedFunder: Rule<ProgrammeResource> = (actor: Actor | null, r) =>
  actor !== null &&
  r.funderUserIds.includes(actor.userId) &&
  [r.organizationId, ...r.participatingOrganizationIds].some((organizationId) => roleIn(actor, organizationId) === 'funder');

export const programmePolicy = {
  /** The organisation's programmes list (the resource is the actor's organisation, lists empty). */
  list: isLeadStaff,
  create: isLeadStaff,
  /** The programme's page: its fields, targets and linked activities (counts of activities, no people). */
  read: or<ProgrammeResource>(isLeadStaff, isParticipatingStaff, isGrantedFunder),
  edit: isLeadStaff,
  editTargets: isLeadStaff,
  /** Adding and removing participating organisations. */
  manageOrganizations: isLeadStaff,
  manageFunders: isLeadCoordinator,
  /** Linking the actor's own organisation's groups, events and advice sessions. */
  linkActivities: or<ProgrammeResource>(isLeadStaff, isParticipatingStaff),
} satisfies Policy;
