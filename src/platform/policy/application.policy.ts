import { always, and, hasRole, isAdmin, isInOrganization, or, type OrganizationScoped, type Policy, type Rule } from './policy.ts';

/** An application to a peer group, as the intake queue sees it. */
export interface ApplicationResource extends OrganizationScoped {
  status: string;
}

/** The intake queue: the organisation's coordinators, and admins. */
export const managesIntake: Rule<OrganizationScoped> = or<OrganizationScoped>(isAdmin, and(isInOrganization, hasRole('coordinator')));

/** Still waiting for a decision: new or contacted (assigned and declined ones are done). */
export const isOpenApplication: Rule<{ status: string }> = (_actor, resource) => resource.status === 'new' || resource.status === 'contacted';

const isDeclinedApplication: Rule<{ status: string }> = (_actor, resource) => resource.status === 'declined';

export const applicationPolicy = {
  /** The public form: anyone, signed in or not. */
  submit: always,
  list: managesIntake,
  read: managesIntake,
  note: managesIntake,
  assign: and<ApplicationResource>(managesIntake, isOpenApplication),
  decline: and<ApplicationResource>(managesIntake, isOpenApplication),
  /** Undoing a decline: the application is open again (the applicant was told already; the page says so). */
  reopen: and<ApplicationResource>(managesIntake, isDeclinedApplication),
} satisfies Policy;
