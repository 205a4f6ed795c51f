// Programme evaluation: aggregated, suppressed before/after figures of an organisation and their
// exports (CSV/XLSX). Coordinators and funders of the organisation, installation admins of any.
// Never individual values.
import { hasRole, isAdmin, or, type OrganizationScoped, type Policy } from './policy.ts';

const coordinatorOrFunder = or<OrganizationScoped>(isAdmin, hasRole('coordinator', 'funder'));

export const evaluationPolicy = {
  evaluate: coordinatorOrFunder,
  exportAggregates: coordinatorOrFunder,
} satisfies Policy;
