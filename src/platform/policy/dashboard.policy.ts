// The organisation dashboard (issue 17, point 6; ADR 032): the organisation's own activity figures for
// a period. Its coordinators and the organisation's admins only. Facilitators see nothing here: their
// groups' figures are on the groups' own pages (attendance, trend, feedback), and a facilitator's view
// of the whole organisation would show groups they do not run. Funders have the evaluation (and the
// funder report of issue 17, point 7), never the exact counts of this page.
import { hasRole, type Policy } from './policy.ts';

const runsTheOrganisation = hasRole('coordinator', 'admin');

export const dashboardPolicy = {
  view: runsTheOrganisation,
  exportCsv: runsTheOrganisation,
} satisfies Policy;
