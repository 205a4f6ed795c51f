// Measurement instruments of an organisation: the built-in ones and those its coordinator
// defined as data. Coordinators define, retire and delete them; coordinators and funders read
// the definitions (items, scoring, sources, licences) behind the evaluation; admins of any.
import { hasRole, isAdmin, or, type OrganizationScoped, type Policy } from './policy.ts';

export const instrumentPolicy = {
  read: or<OrganizationScoped>(isAdmin, hasRole('coordinator', 'funder')),
  define: or<OrganizationScoped>(isAdmin, hasRole('coordinator')),
} satisfies Policy;
