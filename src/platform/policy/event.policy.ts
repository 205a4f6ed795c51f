import { and, hasRole, or, type OrganizationScoped, type Policy, type Rule } from './policy.ts';

/** A public event of an organisation (a stop of a seminar tour). */
export interface EventResource extends OrganizationScoped {
  status: 'draft' | 'published' | 'cancelled';
}

const isCoordinator: Rule<OrganizationScoped> = hasRole('coordinator');
const isPublished: Rule<EventResource> = (_actor, r) => r.status === 'published';
/** A cancelled event keeps its public page (it says so), a draft has none. */
const isPublic: Rule<EventResource> = (_actor, r) => r.status !== 'draft';
const isDraft: Rule<EventResource> = (_actor, r) => r.status === 'draft';
const isNotCancelled: Rule<EventResource> = (_actor, r) => r.status !== 'cancelled';

export const eventPolicy = {
  /** Create, publish, change, cancel; the tours; registrations, counts and exports. */
  manage: isCoordinator,
  /** The check-in list at the door: the coordinator and the organisation's facilitators. */
  checkIn: hasRole('coordinator', 'facilitator'),
  /** Anyone, signed in or not, sees a published event and may register; drafts only the coordinator. */
  read: or<EventResource>(isPublic, isCoordinator),
  register: isPublished,
  /** The buttons of the coordinator's event page: publish a draft; change or cancel what is not cancelled. */
  publish: and<EventResource>(isCoordinator, isDraft),
  change: and<EventResource>(isCoordinator, isNotCancelled),
  cancel: and<EventResource>(isCoordinator, isNotCancelled),
} satisfies Policy;
