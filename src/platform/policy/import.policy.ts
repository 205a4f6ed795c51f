// Importing participants and companies from a spreadsheet (issue 19, point 4): the organisation's
// coordinators and its own admins, who keep its register. Not facilitators (they see their groups,
// not the register), not an installation admin of another organisation.
import { hasRole, isSelf, type Policy } from './policy.ts';

const keepsTheRegister = hasRole('coordinator', 'admin');

export const importPolicy = {
  check: keepsTheRegister,
  commit: keepsTheRegister,
} satisfies Policy;

/** What an import recorded about a person: only they confirm it (or ask for erasure). */
export const importedDataPolicy = {
  confirmOwn: isSelf,
} satisfies Policy;
