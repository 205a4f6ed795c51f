// Webhooks (issue 19, point 3): the organisation's coordinators and its own admins add, test,
// disable and delete endpoints and read the delivery log. Nobody else: a webhook sends the
// organisation's events out of the installation, which is the data controller's decision.
import { hasRole, type Policy } from './policy.ts';

const runsTheOrganisation = hasRole('coordinator', 'admin');

export const webhookPolicy = {
  manage: runsTheOrganisation,
  viewDeliveries: runsTheOrganisation,
} satisfies Policy;
