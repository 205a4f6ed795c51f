// The role vocabulary: what a person may be in an organisation. The platform's
// actor and policies speak it, so it lives here; the organisations feature stores
// it (memberships.role, invitations.role) and re-exports it for its callers.
export const roles = ['admin', 'coordinator', 'facilitator', 'expert', 'trainee', 'entrepreneur', 'funder'] as const;
export type Role = (typeof roles)[number];
