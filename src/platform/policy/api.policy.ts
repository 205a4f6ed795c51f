// What an API token may read (ADR 037): the pages' own rules, each narrowed to
// tokens holding the matching scope. A token sits in its organisation's
// coordinator seat, so another organisation's resource is 404 like for a person.
import type { ApiScope } from '../api/tokens.ts';
import { applicationPolicy } from './application.policy.ts';
import { eventPolicy } from './event.policy.ts';
import { groupPolicy } from './group.policy.ts';
import { organizationPolicy } from './organization.policy.ts';
import type { Rule } from './policy.ts';

/** The rule, narrowed for tokens to those holding `scope`; people are decided by the rule alone. */
export function withScope<R>(scope: ApiScope, rule: Rule<R>): Rule<R> {
  return (actor, resource) => {
    if (actor?.service && !actor.service.scopes.includes(scope)) return false;
    return rule(actor, resource);
  };
}

/** Groups, their meetings and attendance through /api/v1. */
export const apiGroupPolicy = {
  list: withScope('groups:read', groupPolicy.list),
  read: withScope('groups:read', groupPolicy.read),
  readAttendance: withScope('attendance:read', groupPolicy.readAttendance),
};

/** Intake applications through /api/v1. */
export const apiApplicationPolicy = {
  list: withScope('applications:read', applicationPolicy.list),
  read: withScope('applications:read', applicationPolicy.read),
};

/** Events and their registrations through /api/v1. */
export const apiEventPolicy = {
  read: withScope('events:read', eventPolicy.read),
  readRegistrations: withScope('events:read', eventPolicy.manage),
};

/** The token's own organisation through /api/v1. */
export const apiOrganizationPolicy = {
  read: withScope('organizations:read', organizationPolicy.read),
};
