// The policy toolkit: rules are pure functions of (actor, resource) → boolean,
// composed with small helpers; a policy is one typed object of rules per resource.
// Call sites never type action names: they pass the rule itself
// (`authorize(actor, resource, membershipPolicy.changeRole)`) or read a typed
// `can` map (`can(membershipPolicy, actor, member).remove`).
import type { Role } from '../auth/roles.ts';
import type { Actor } from '../auth/actor.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';

/** Anything that belongs to one organisation (the tenant). */
export interface OrganizationScoped {
  organizationId: string;
}

/** A scope that may have no organisation (a signed-in person with no membership yet). */
export interface MaybeOrganizationScoped {
  organizationId: string | null;
}

/** A rule: who may do one thing to one resource. `null` actor = signed out. */
export type Rule<R> = (actor: Actor | null, resource: R) => boolean;

/** A policy: the rules for one kind of resource, keyed by action. */
export type Policy = Record<string, Rule<never>>;

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** The resource every rule of a policy accepts (the intersection of what each needs). */
export type ResourceOf<P extends Policy> = UnionToIntersection<{ [K in keyof P]: P[K] extends Rule<infer R> ? R : never }[keyof P]>;

/** The `{ action: allowed }` map the UI gets, so it hides exactly what the server refuses. */
export type Can<P extends Policy> = { [K in keyof P]: boolean };

/** Typed action names of a policy. */
export type ActionOf<P extends Policy> = Extract<keyof P, string>;

// ---- helpers -----------------------------------------------------------------

export function and<R>(...rules: Rule<R>[]): Rule<R> {
  return (actor, resource) => rules.every((rule) => rule(actor, resource));
}

export function or<R>(...rules: Rule<R>[]): Rule<R> {
  return (actor, resource) => rules.some((rule) => rule(actor, resource));
}

export function not<R>(rule: Rule<R>): Rule<R> {
  return (actor, resource) => !rule(actor, resource);
}

export const always: Rule<unknown> = () => true;
export const never: Rule<unknown> = () => false;

export const isSignedIn: Rule<unknown> = (actor) => actor !== null;
export const isSignedOut: Rule<unknown> = (actor) => actor === null;

/** Installation-wide administrator (an `admin` membership anywhere). */
export const isAdmin: Rule<unknown> = (actor) => actor?.isAdmin === true;

/** The actor's role in this organisation (one role per person per organisation), or null. */
export function roleIn(actor: Actor | null, organizationId: string | null | undefined): Role | null {
  if (!actor || !organizationId) return null;
  return actor.memberships.find((m) => m.organizationId === organizationId)?.role ?? null;
}

/** The organisation check: the actor has a membership in the resource's organisation. */
export const isInOrganization: Rule<MaybeOrganizationScoped> = (actor, resource) => roleIn(actor, resource.organizationId) !== null;

/** The actor holds one of these roles in the resource's organisation (implies the organisation check). */
export function hasRole(...allowed: Role[]): Rule<MaybeOrganizationScoped> {
  return (actor, resource) => {
    const role = roleIn(actor, resource.organizationId);
    return role !== null && allowed.includes(role);
  };
}

/** Rules about the person a resource is about (a membership, an invitation's e-mail). */
export const isSelf: Rule<{ userId: string }> = (actor, resource) => actor !== null && actor.userId === resource.userId;

/** The resource may be seen at all: the actor is in its organisation or an admin. Others get 404. */
export const canSeeOrganization: Rule<OrganizationScoped> = or<OrganizationScoped>(isAdmin, isInOrganization);

// ---- evaluation ----------------------------------------------------------------

/** Evaluates every action of a policy for this actor and resource. */
export function can<P extends Policy>(policy: P, actor: Actor | null, resource: ResourceOf<P>): Can<P> {
  const result = {} as Record<string, boolean>;
  for (const [action, rule] of Object.entries(policy)) result[action] = (rule as Rule<ResourceOf<P>>)(actor, resource);
  return result as Can<P>;
}

/**
 * Refuses unless the rule allows: 404 when the actor may not even know the
 * organisation's resource exists (another organisation, signed out), else 403.
 */
export function authorize<R extends OrganizationScoped>(actor: Actor | null, resource: R, rule: Rule<R>): void {
  if (rule(actor, resource)) return;
  if (!canSeeOrganization(actor, resource)) throw new NotFoundError();
  throw new ForbiddenError();
}
