// The programme's monitoring report (issue 17, points 3–4 and 7; ADR 036). The lead organisation's
// coordinators and admins, and the installation's admins, read the exact figures; the lead's
// coordinators also open the list of people or companies behind a figure (the drill-down, each
// read audit-logged; participants' data is read by the coordinators only, ADR 031). A funder
// granted the programme reads the report through the disclosure layer, never a drill-down.
// Participating organisations' staff and every other role: nothing.
import { hasRole, isAdmin, or, type Policy, type Rule } from './policy.ts';
import { isGrantedFunder, isLeadStaff, type ProgrammeResource } from './programme.policy.ts';

const exact: Rule<ProgrammeResource> = or<ProgrammeResource>(isLeadStaff, isAdmin);

export const reportPolicy = {
  /** The report page and its CSV, XLSX and PDF. */
  view: or<ProgrammeResource>(exact, isGrantedFunder),
  /** Exact figures (else the released ones). */
  viewExact: exact,
  /** The people or companies behind a figure. */
  drillDown: hasRole('coordinator'),
} satisfies Policy;
